import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { GanttLabels } from '../gantt-labels';
import { GANTT_ZOOM_LEVELS, GanttZoomLevel } from '../gantt.types';

/** Zoom buttons (out, levels, in), the "today" button and fold / open all groups, above the chart. */
@Component({
  selector: 'ws-gantt-toolbar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="group" role="group" [attr.aria-label]="labels().zoomLevel">
      <button
        type="button"
        data-action="zoom-out"
        [disabled]="isCoarsest()"
        [attr.aria-label]="labels().zoomOut"
        [title]="labels().zoomOut + ' (-)'"
        (click)="zoomOut.emit()"
      >
        −
      </button>
      @for (level of levels; track level) {
        <button
          type="button"
          [attr.data-zoom]="level"
          [attr.aria-pressed]="level === zoom()"
          (click)="zoomSet.emit(level)"
        >
          {{ labels().zoomLevels[level] }}
        </button>
      }
      <button
        type="button"
        data-action="zoom-in"
        [disabled]="isFinest()"
        [attr.aria-label]="labels().zoomIn"
        [title]="labels().zoomIn + ' (+)'"
        (click)="zoomIn.emit()"
      >
        +
      </button>
    </div>
    <button type="button" data-action="today" (click)="today.emit()">{{ labels().today }}</button>
    @if (groups()) {
      <button type="button" data-action="fold-all" (click)="foldAll.emit(!allFolded())">
        {{ allFolded() ? labels().expandAll : labels().collapseAll }}
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      /* A phone's width in English: the last buttons go to a second line, not off the edge. */
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: center;
      padding: 4px 8px;
      font: inherit;
    }
    .group {
      display: inline-flex;
    }
    button {
      font: inherit;
      font-size: 12px;
      min-width: 28px;
      padding: 2px 8px;
      white-space: nowrap;
      cursor: pointer;
      border: 1px solid var(--ws-gantt-border, #c8ccd2);
      background: var(--ws-gantt-bg, #fff);
      color: inherit;
    }
    .group button + button {
      margin-left: -1px;
    }
    button[aria-pressed='true'] {
      background: var(--ws-gantt-accent, #1f6feb);
      color: #fff;
      border-color: var(--ws-gantt-accent, #1f6feb);
    }
    button:disabled {
      opacity: 0.4;
      cursor: default;
    }
    button:focus-visible {
      outline: 2px solid var(--ws-gantt-focus, #1f6feb);
      outline-offset: 1px;
      position: relative;
    }
  `,
})
export class GanttToolbarComponent {
  readonly labels = input.required<GanttLabels>();
  readonly zoom = input.required<GanttZoomLevel>();
  readonly zoomIn = output<void>();
  readonly zoomOut = output<void>();
  readonly zoomSet = output<GanttZoomLevel>();
  readonly today = output<void>();
  /** Whether there is more than one group to fold. */
  readonly groups = input(false);
  readonly allFolded = input(false);
  /** true: fold every group; false: open every group. */
  readonly foldAll = output<boolean>();

  protected readonly levels = GANTT_ZOOM_LEVELS;
  protected readonly isFinest = computed(() => this.zoom() === GANTT_ZOOM_LEVELS[0]);
  protected readonly isCoarsest = computed(() => this.zoom() === GANTT_ZOOM_LEVELS[GANTT_ZOOM_LEVELS.length - 1]);
}
