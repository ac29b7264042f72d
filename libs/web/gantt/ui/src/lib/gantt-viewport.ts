import { DestroyRef, signal, untracked } from '@angular/core';
import { ChartGeometry, RenderWindow, renderWindow, sameWindow, ViewportState } from './core/render-window';

/** Used until the viewport has been measured (and in DOM-less test environments). */
export const FALLBACK_SIZE = { width: 1200, height: 600 };

/** What the viewport tracker needs from the chart. */
export interface GanttViewportHost {
  geometry(): ChartGeometry;
  window(): RenderWindow;
  /** ctrl+wheel: zoom around the pointer. */
  zoomBy(dir: -1 | 1, clientX: number): void;
}

/**
 * Tracks the scrolling viewport. Scroll and resize events are batched into one read per
 * animation frame, and the `view` signal only changes when the render window would: most
 * scroll frames therefore cause no change detection at all.
 */
export class GanttViewport {
  /** Viewport as of the last render-window change. */
  readonly view = signal<ViewportState>({ scrollTop: 0, scrollLeft: 0, ...FALLBACK_SIZE });
  /** The line at the top of the rows (under the header), as of the last read: changes once per line scrolled. */
  readonly topLine = signal(0);
  /** Viewport as of the last read (not a signal: reading it must not re-render). */
  live: ViewportState = this.view();
  private el: HTMLElement | null = null;
  private frameRequest = 0;

  constructor(private readonly host: GanttViewportHost) {}

  attach(el: HTMLElement, destroyRef: DestroyRef): void {
    this.el = el;
    const onScroll = () => this.scheduleRead();
    const onWheel = (event: WheelEvent) => this.onWheel(event);
    el.addEventListener('scroll', onScroll, { passive: true });
    // Not passive: ctrl+wheel must not zoom the whole page.
    el.addEventListener('wheel', onWheel, { passive: false });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onScroll);
    resize?.observe(el);
    destroyRef.onDestroy(() => {
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', onWheel);
      resize?.disconnect();
      if (this.frameRequest) cancelAnimationFrame(this.frameRequest);
    });
    this.read();
  }

  /** Scrolls the viewport (either coordinate may be left out) and reads it back. */
  scrollTo(position: { top?: number; left?: number }): void {
    if (!this.el) return;
    if (position.top !== undefined) this.el.scrollTop = Math.max(0, position.top);
    if (position.left !== undefined) this.el.scrollLeft = Math.max(0, position.left);
    this.read();
  }

  /** Moves the rendered window at once to a scroll position the DOM will take after rendering. */
  anticipate(scrollLeft: number): void {
    this.live = { ...this.live, scrollLeft: Math.max(0, scrollLeft) };
    this.view.set(this.live);
  }

  read(): void {
    const el = this.el;
    if (!el) return;
    const next: ViewportState = {
      scrollTop: el.scrollTop,
      scrollLeft: el.scrollLeft,
      width: el.clientWidth || FALLBACK_SIZE.width,
      height: el.clientHeight || FALLBACK_SIZE.height,
    };
    this.live = next;
    this.topLine.set(Math.floor(next.scrollTop / untracked(this.host.geometry).rowHeight));
    const current = untracked(this.view);
    const resized = current.width !== next.width || current.height !== next.height;
    if (resized || !sameWindow(renderWindow(next, untracked(this.host.geometry)), untracked(this.host.window))) {
      this.view.set(next);
    }
  }

  private scheduleRead(): void {
    if (this.frameRequest) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.read();
    });
  }

  private onWheel(event: WheelEvent): void {
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      if (event.deltaY !== 0) this.host.zoomBy(event.deltaY < 0 ? -1 : 1, event.clientX);
    } else if (event.shiftKey && event.deltaX === 0 && event.deltaY !== 0 && this.el) {
      // Browsers that do not turn shift+wheel into horizontal scrolling themselves.
      event.preventDefault();
      this.el.scrollLeft += event.deltaY;
      this.scheduleRead();
    }
  }
}
