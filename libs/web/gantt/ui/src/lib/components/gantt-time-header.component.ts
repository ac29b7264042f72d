import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TimeTick } from '../core/time-ticks';

/** The two-tier time scale above the chart; only ticks of the render window are passed in. */
@Component({
  selector: 'ws-gantt-time-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true', '[style.width.px]': 'width()' },
  template: `
    @for (tick of top(); track tick.start) {
      <div class="cell top" [style.left.px]="tick.x" [style.width.px]="tick.width">
        <span>{{ tick.label }}</span>
      </div>
    }
    @for (tick of bottom(); track tick.start) {
      <div class="cell bottom" [class.weekend]="tick.weekend" [style.left.px]="tick.x" [style.width.px]="tick.width">
        {{ tick.label }}
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      position: relative;
      height: 100%;
      overflow: clip;
    }
    .cell {
      position: absolute;
      box-sizing: border-box;
      height: 50%;
      overflow: hidden;
      white-space: nowrap;
      border-left: 1px solid var(--ws-gantt-grid, #e3e6ea);
      font-size: 12px;
      line-height: 24px;
      padding: 0 4px;
    }
    .top {
      top: 0;
      border-bottom: 1px solid var(--ws-gantt-grid, #e3e6ea);
      font-weight: 600;
      overflow: clip;
    }
    /* The upper label stays in view (right of the sticky pane) while its cell is partly scrolled away. */
    .top span {
      position: sticky;
      left: calc(var(--ws-gantt-pane-width, 240px) + 4px);
    }
    .bottom {
      top: 50%;
      text-align: center;
      padding: 0;
      color: var(--ws-gantt-muted, #5b636e);
    }
    .weekend {
      background: var(--ws-gantt-weekend, #f4f5f7);
    }
  `,
})
export class GanttTimeHeaderComponent {
  readonly top = input.required<readonly TimeTick[]>();
  readonly bottom = input.required<readonly TimeTick[]>();
  readonly width = input.required<number>();
}
