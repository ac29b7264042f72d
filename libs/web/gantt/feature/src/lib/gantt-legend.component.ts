import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { GANTT_LEGEND } from '@worksite/shared-domain';

/** "图例": the colours and markers of the chart (the same list the printed Gantt carries). */
@Component({
  selector: 'ws-gantt-legend',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" data-testid="legend-open" [attr.aria-expanded]="open()" (click)="open.set(!open())">
      {{ 'ganttLegend.button' | translate }}
    </button>
    @if (open()) {
      <div class="pop" role="dialog" [attr.aria-label]="'ganttLegend.title' | translate" data-testid="legend">
        <ul>
          @for (entry of entries; track entry.key) {
            <li [attr.data-key]="entry.key">
              <span class="swatch" [class]="'swatch ' + entry.mark" [style.--c]="entry.colour"></span>
              {{ 'ganttLegend.' + entry.key | translate }}
            </li>
          }
          <li data-key="notReady">
            <span class="swatch not-ready" style="--c: #4c6ef5"></span>
            {{ 'makeReady.legend' | translate }}
          </li>
        </ul>
        <button type="button" class="close" (click)="open.set(false)">{{ 'common.close' | translate }}</button>
      </div>
    }
  `,
  styles: `
    :host {
      position: relative;
      display: inline-block;
    }
    .pop {
      position: absolute;
      z-index: 20;
      top: calc(100% + 4px);
      right: 0;
      width: min(260px, calc(100vw - 24px));
      padding: 10px 12px;
      background: #fff;
      border: 1px solid #c8ccd2;
      border-radius: 6px;
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
    }
    ul {
      margin: 0 0 8px;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 6px;
      font-size: 13px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .swatch {
      position: relative;
      flex: none;
      width: 24px;
      height: 12px;
      box-sizing: border-box;
      border-radius: 2px;
      background: color-mix(in srgb, var(--c) 35%, #fff);
      border: 1px solid var(--c);
    }
    .outline {
      outline: 2px solid var(--c);
      outline-offset: 1px;
      background: #c9d3fc;
      border-color: #4c6ef5;
    }
    .badge {
      border: 2px solid var(--c);
    }
    .badge::after {
      content: '!';
      position: absolute;
      right: -7px;
      top: -6px;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: var(--c);
      color: #fff;
      font: 700 9px/12px sans-serif;
      text-align: center;
    }
    .corner::before {
      content: '';
      position: absolute;
      left: -1px;
      top: -1px;
      border: 4px solid var(--c);
      border-right-color: transparent;
      border-bottom-color: transparent;
    }
    .corner {
      border-color: #4c6ef5;
    }
    .hatched {
      background-image: repeating-linear-gradient(135deg, transparent 0 4px, rgb(255 255 255 / 0.7) 4px 7px);
    }
    .progress {
      background: linear-gradient(
        90deg,
        color-mix(in srgb, var(--c) 70%, #fff) 60%,
        color-mix(in srgb, var(--c) 35%, #fff) 60%
      );
    }
    .thin {
      height: 5px;
      border: 0;
      background: var(--c);
      margin: 7px 0 0;
    }
    .vline {
      width: 2px;
      margin: 0 11px;
      border: 0;
      background: var(--c);
    }
    .fill {
      background: var(--c);
      border-color: #c8ccd2;
    }
    .not-ready {
      border-bottom: 2px dashed #f79009;
    }
    .not-ready::before {
      content: '';
      position: absolute;
      left: -1px;
      bottom: -2px;
      border: 4px solid #f79009;
      border-right-color: transparent;
      border-top-color: transparent;
    }
    .arrow {
      height: 2px;
      border: 0;
      background: var(--c);
    }
    .arrow::after {
      content: '';
      position: absolute;
      right: -2px;
      top: -4px;
      border: 5px solid transparent;
      border-left-color: var(--c);
      border-right: 0;
    }
  `,
})
export class GanttLegendComponent {
  protected readonly open = signal(false);
  protected readonly entries = GANTT_LEGEND;
}
