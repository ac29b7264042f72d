import type { GanttDragKind, GanttTimeRange } from './gantt.types';
import type { GanttInteractionHost } from './gantt-interaction';
import { linkTypeFor } from './core/link-geometry';
import { applyDrag } from './core/snap';

/** Pixels the pointer must travel before a press becomes a drag rather than a click. */
const DRAG_THRESHOLD = 3;

type Session =
  | { readonly mode: 'click'; readonly taskId: string | null }
  | {
      readonly mode: 'bar';
      readonly taskId: string;
      readonly kind: GanttDragKind;
      readonly origin: GanttTimeRange;
      readonly startX: number;
      started: boolean;
      emitted: boolean;
      last: GanttTimeRange;
    }
  | {
      readonly mode: 'link';
      readonly taskId: string;
      readonly fromFinish: boolean;
      readonly x: number;
      readonly y: number;
    };

function taskElement(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('[data-task-id]') : null;
}

function handleOf(target: EventTarget | null): string | null {
  return target instanceof Element ? (target.closest<HTMLElement>('[data-handle]')?.dataset['handle'] ?? null) : null;
}

/**
 * Mouse/touch interaction, delegated from the chart element: click selects, dragging a bar's
 * body moves it, its edges resize it, its round handles draw a dependency onto another bar.
 * Moves and the release are followed on the document so a fast pointer cannot escape.
 */
export class GanttPointerController {
  private session: Session | null = null;
  private lastMove: PointerEvent | null = null;
  private edgeFrame = 0;

  constructor(
    private readonly host: GanttInteractionHost,
    private readonly doc: Document,
  ) {}

  /** Is a bar or link drag under way? */
  get active(): boolean {
    return this.session !== null && this.session.mode !== 'click';
  }

  pointerDown(event: PointerEvent): void {
    if (event.button !== 0 || this.session) return;
    this.host.focus();
    const bar = taskElement(event.target);
    const taskId = bar?.dataset['taskId'] ?? null;
    const handle = handleOf(event.target);
    const origin = taskId ? this.host.displayRange(taskId) : null;
    if (!taskId || !origin || !this.host.editable()) {
      this.session = { mode: 'click', taskId };
    } else if (handle === 'link-start' || handle === 'link-end') {
      const p = this.host.chartPoint(event.clientX, event.clientY);
      this.session = { mode: 'link', taskId, fromFinish: handle === 'link-end', x: p.x, y: p.y };
      this.host.setLinkDraft({ x1: p.x, y1: p.y, x2: p.x, y2: p.y });
      event.preventDefault();
    } else {
      const kind: GanttDragKind =
        handle === 'resize-start' ? 'resize-start' : handle === 'resize-end' ? 'resize-end' : 'move';
      // Chart coordinates, not client ones: the drag stays true if the chart scrolls meanwhile.
      const startX = this.host.chartPoint(event.clientX, event.clientY).x;
      this.session = { mode: 'bar', taskId, kind, origin, startX, started: false, emitted: false, last: origin };
      // Keeps the browser from starting a text selection or native drag.
      event.preventDefault();
    }
    this.doc.addEventListener('pointermove', this.onMove);
    this.doc.addEventListener('pointerup', this.onUp);
    this.doc.addEventListener('pointercancel', this.onCancel);
  }

  /** Aborts a drag (Escape). Returns whether anything was cancelled. */
  cancel(): boolean {
    const s = this.session;
    if (!s || s.mode === 'click') return false;
    this.finish();
    if (s.mode === 'bar' && s.emitted) {
      this.host.dragCancel({ taskId: s.taskId, kind: s.kind, start: s.origin.start, finish: s.origin.finish });
    }
    return true;
  }

  destroy(): void {
    this.finish();
  }

  private readonly onMove = (event: PointerEvent): void => {
    const s = this.session;
    if (!s || s.mode === 'click') return;
    this.lastMove = event;
    if (!this.edgeFrame && typeof requestAnimationFrame === 'function')
      this.edgeFrame = requestAnimationFrame(this.edgeTick);
    if (s.mode === 'link') {
      const p = this.host.chartPoint(event.clientX, event.clientY);
      this.host.setLinkDraft({ x1: s.x, y1: s.y, x2: p.x, y2: p.y });
      return;
    }
    const dx = this.host.chartPoint(event.clientX, event.clientY).x - s.startX;
    if (!s.started) {
      if (Math.abs(dx) < DRAG_THRESHOLD) return;
      s.started = true;
      this.host.select(s.taskId);
    }
    const range = applyDrag(s.kind, s.origin, dx * this.host.scale().msPerPx, this.host.snap(), this.host.zone());
    // Only grid changes are news: the caller may run the scheduling engine on each event.
    if (s.emitted && range.start === s.last.start && range.finish === s.last.finish) return;
    s.emitted = true;
    s.last = range;
    this.host.setDrag({ taskId: s.taskId, kind: s.kind, range });
    this.host.drag({ taskId: s.taskId, kind: s.kind, ...range });
  };

  private readonly onUp = (event: PointerEvent): void => {
    const s = this.session;
    this.finish();
    if (!s) return;
    if (s.mode === 'click') {
      this.host.select(s.taskId);
    } else if (s.mode === 'bar') {
      if (s.emitted) this.host.dragEnd({ taskId: s.taskId, kind: s.kind, ...s.last });
      else this.host.select(s.taskId);
    } else {
      this.dropLink(s, event);
    }
  };

  /** Keeps scrolling while a drag holds the pointer near an edge, replaying the last move. */
  private readonly edgeTick = (): void => {
    this.edgeFrame = 0;
    const event = this.lastMove;
    if (!this.active || !event || !this.host.edgeScroll(event.clientX, event.clientY)) return;
    this.onMove(event);
  };

  private readonly onCancel = (): void => {
    this.cancel();
  };

  private dropLink(s: Extract<Session, { mode: 'link' }>, event: PointerEvent): void {
    // The element under the pointer (the event target is wrong for captured touch pointers).
    const under = this.doc.elementFromPoint?.(event.clientX, event.clientY) ?? null;
    const target = taskElement(under) ? under : event.target;
    const hit = taskElement(target);
    const successorId = hit?.dataset['taskId'];
    if (!successorId || successorId === s.taskId) return;
    // Only the successor's finish circle links to its finish; anywhere else on the bar, its
    // resize edges included, links to its start. A short task at week or month zoom is all
    // edges: a drop on its middle made a finish-to-finish link nobody aimed at.
    const toStart = handleOf(target) !== 'link-end';
    this.host.linkCreate({ predecessorId: s.taskId, successorId, type: linkTypeFor(s.fromFinish, toStart) });
  }

  private finish(): void {
    const s = this.session;
    this.session = null;
    this.lastMove = null;
    if (this.edgeFrame) cancelAnimationFrame(this.edgeFrame);
    this.edgeFrame = 0;
    this.doc.removeEventListener('pointermove', this.onMove);
    this.doc.removeEventListener('pointerup', this.onUp);
    this.doc.removeEventListener('pointercancel', this.onCancel);
    if (s?.mode === 'bar') this.host.setDrag(null);
    if (s?.mode === 'link') this.host.setLinkDraft(null);
  }
}
