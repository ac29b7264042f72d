import type { GanttBarDragEvent, GanttDragKind, GanttLinkCreateEvent, GanttTimeRange } from './gantt.types';
import type { SnapStep } from './core/snap';
import type { TimeScale } from './core/time-scale';

/** A bar drag in progress, as the chart shows it. */
export interface DragState {
  readonly taskId: string;
  readonly kind: GanttDragKind;
  readonly range: GanttTimeRange;
}

/** The line drawn while dragging a new dependency, in chart pixels. */
export interface LinkDraft {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** What the pointer and keyboard handlers need from the chart. */
export interface GanttInteractionHost {
  editable(): boolean;
  scale(): TimeScale;
  snap(): SnapStep;
  zone(): string;
  /** Where a task is drawn now (preview and drag aware), or null if unknown. */
  displayRange(taskId: string): GanttTimeRange | null;
  /** Client coordinates → chart pixels. */
  chartPoint(clientX: number, clientY: number): { x: number; y: number };
  select(taskId: string | null): void;
  /** Focuses the chart (a cancelled pointerdown does not move focus by itself). */
  focus(): void;
  open(taskId: string): void;
  /** Scrolls a step when the pointer is near the chart's edge during a drag; true if it did. */
  edgeScroll(clientX: number, clientY: number): boolean;
  setDrag(state: DragState | null): void;
  setLinkDraft(draft: LinkDraft | null): void;
  drag(event: GanttBarDragEvent): void;
  dragEnd(event: GanttBarDragEvent): void;
  dragCancel(event: GanttBarDragEvent): void;
  linkCreate(event: GanttLinkCreateEvent): void;
}
