import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { PaneLineView } from '../core/view-models';

/** Left pane: group headers with toggles and counts, task titles; only rendered lines are passed in. */
@Component({
  selector: 'ws-gantt-row-pane',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Row clicks are delegated: one listener instead of two per rendered row. Keyboard users
  // select rows with the chart's arrow keys.
  host: {
    '[style.--ws-row-height.px]': 'rowHeight()',
    '(click)': 'onRowEvent($event, false)',
    '(dblclick)': 'onRowEvent($event, true)',
  },
  template: `
    @for (line of lines(); track line.key) {
      @if (line.kind === 'group') {
        <button
          type="button"
          class="line group"
          [style.top.px]="line.top"
          [attr.data-group-id]="line.groupId"
          [attr.aria-expanded]="!line.collapsed"
          [attr.aria-label]="line.toggleLabel"
          (click)="groupToggle.emit(line.groupId)"
        >
          <span class="chevron" [class.collapsed]="line.collapsed" aria-hidden="true"></span>
          <span class="swatch" [style.background]="line.color" aria-hidden="true"></span>
          <span class="text">{{ line.label }}</span>
          <span class="count">{{ line.count }}</span>
        </button>
      } @else {
        <div
          class="line task"
          [class.selected]="line.selected"
          [style.top.px]="line.top"
          [attr.data-row-id]="line.rowId"
          [title]="line.label"
        >
          <span class="text">{{ line.label }}</span>
          @if (line.detail) {
            <span class="detail">{{ line.detail }}</span>
          }
        </div>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      position: relative;
      overflow: hidden;
      background: var(--ws-gantt-bg, #fff);
      border-right: 1px solid var(--ws-gantt-border, #c8ccd2);
    }
    .line {
      position: absolute;
      left: 0;
      right: 0;
      height: var(--ws-row-height);
      box-sizing: border-box;
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 0 8px;
      white-space: nowrap;
      overflow: hidden;
      border-bottom: 1px solid var(--ws-gantt-grid, #e3e6ea);
      font: inherit;
      font-size: 13px;
      text-align: left;
    }
    .group {
      border: 0;
      border-bottom: 1px solid var(--ws-gantt-border, #c8ccd2);
      background: var(--ws-gantt-group-bg, #f0f2f5);
      font-weight: 600;
      cursor: pointer;
      color: inherit;
    }
    .group:focus-visible {
      outline: 2px solid var(--ws-gantt-focus, #1f6feb);
      outline-offset: -2px;
    }
    .chevron {
      width: 0;
      height: 0;
      border: 5px solid transparent;
      border-top-color: currentColor;
      margin-top: 5px;
    }
    .chevron.collapsed {
      transform: rotate(-90deg);
      margin: 0 0 0 -2px;
    }
    .swatch {
      flex: none;
      width: 10px;
      height: 10px;
      border-radius: 2px;
      background: #9aa1ab;
    }
    .text {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .count {
      margin-left: auto;
      font-weight: 400;
      color: var(--ws-gantt-muted, #5b636e);
      font-size: 12px;
    }
    .task {
      padding-left: 28px;
      cursor: default;
    }
    .task.selected {
      background: var(--ws-gantt-selected-row, #e8f0fe);
    }
    .detail {
      color: var(--ws-gantt-muted, #5b636e);
      font-size: 12px;
      overflow: hidden;
      text-overflow: ellipsis;
    }
  `,
})
export class GanttRowPaneComponent {
  readonly lines = input.required<readonly PaneLineView[]>();
  readonly rowHeight = input.required<number>();
  readonly groupToggle = output<string>();
  readonly rowSelect = output<string>();
  readonly rowOpen = output<string>();

  protected onRowEvent(event: Event, open: boolean): void {
    const rowId =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-row-id]')?.dataset['rowId'] : null;
    if (!rowId) return;
    if (open) this.rowOpen.emit(rowId);
    else this.rowSelect.emit(rowId);
  }
}
