import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { BaselineView } from '../core/baseline-slice';

/**
 * Baseline bars of the render window: thin grey lines under the current bars (red where the
 * task now finishes later), with the slip after their end. They take no pointer events, so
 * dragging and linking the bars above work as before.
 */
@Component({
  selector: 'ws-gantt-baselines',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true' },
  template: `
    @for (b of items(); track b.id) {
      <div
        class="baseline"
        [class.late]="b.late"
        [attr.data-baseline-id]="b.id"
        [attr.title]="b.title"
        [style.left.px]="b.left"
        [style.top.px]="b.top"
        [style.width.px]="b.width"
        [style.height.px]="b.height"
      ></div>
      @if (b.label) {
        <span
          class="slip"
          [class.late]="b.late"
          [attr.data-slip-id]="b.id"
          [style.left.px]="b.left + b.width + 3"
          [style.top.px]="b.top - 3"
          >{{ b.label }}</span
        >
      }
    }
  `,
  styles: `
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    .baseline {
      position: absolute;
      box-sizing: border-box;
      background: #adb5bd;
      border-radius: 1px;
    }
    .baseline.late {
      background: #868e96;
    }
    .slip {
      position: absolute;
      font: 600 9px/10px sans-serif;
      color: #495057;
      white-space: nowrap;
    }
    .slip.late {
      color: #c92a2a;
    }
  `,
})
export class GanttBaselinesComponent {
  readonly items = input.required<readonly BaselineView[]>();
}
