import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { GanttLabels } from '../gantt-labels';
import type { BarView, GhostView } from '../core/view-models';

/**
 * The bars of the render window. Each bar is an element with `data-task-id` and an
 * accessible name; handles carry `data-handle` so the chart's delegated pointer handler
 * (and end-to-end tests) can tell a move from a resize or a link drag.
 */
@Component({
  selector: 'ws-gantt-bars',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'listbox', '[attr.aria-label]': 'labels().tasks' },
  template: `
    @for (ghost of ghosts(); track ghost.id) {
      <div
        class="ghost"
        [class.is-milestone]="ghost.milestone"
        [attr.data-ghost-id]="ghost.id"
        [style.left.px]="ghost.left"
        [style.top.px]="ghost.top"
        [style.width.px]="ghost.width"
        [style.height.px]="ghost.height"
      ></div>
    }
    @for (bar of bars(); track bar.id) {
      <div
        class="bar"
        role="option"
        [class]="bar.classes"
        [attr.id]="bar.domId"
        [attr.data-task-id]="bar.id"
        [attr.aria-selected]="bar.selected"
        [attr.aria-label]="bar.ariaLabel"
        [title]="bar.ariaLabel"
        [style.left.px]="bar.left"
        [style.top.px]="bar.top"
        [style.width.px]="bar.width"
        [style.height.px]="bar.height"
        [style.--ws-bar-color]="bar.color"
      >
        @if (bar.milestone) {
          <div class="diamond"></div>
        } @else {
          <div class="fill" [style.width.%]="bar.progress"></div>
          @if (editable()) {
            <div class="resize start" data-handle="resize-start" [title]="labels().resizeStart"></div>
            <div class="resize end" data-handle="resize-end" [title]="labels().resizeEnd"></div>
          }
        }
        <span class="label">{{ bar.label }}</span>
        @if (editable()) {
          <div class="link start" data-handle="link-start" [title]="labels().linkFromStart"></div>
          <div class="link end" data-handle="link-end" [title]="labels().linkFromEnd"></div>
        }
      </div>
    }
  `,
  styleUrl: './gantt-bars.component.css',
})
export class GanttBarsComponent {
  readonly bars = input.required<readonly BarView[]>();
  readonly ghosts = input.required<readonly GhostView[]>();
  readonly labels = input.required<GanttLabels>();
  readonly editable = input(true);
}
