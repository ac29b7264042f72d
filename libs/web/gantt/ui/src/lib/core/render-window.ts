/** Scroll position and size of the scrolling viewport, in CSS pixels. */
export interface ViewportState {
  readonly scrollTop: number;
  readonly scrollLeft: number;
  readonly width: number;
  readonly height: number;
}

/** Fixed geometry of the chart content. */
export interface ChartGeometry {
  readonly rowHeight: number;
  readonly lineCount: number;
  readonly chartWidth: number;
  /** Left pane width (sticky, covers the chart's left edge). */
  readonly paneWidth: number;
  /** Header height (sticky, covers the chart's top edge). */
  readonly headerHeight: number;
}

/** The lines and chart pixels to render: the visible area plus a margin, in coarse steps. */
export interface RenderWindow {
  readonly firstLine: number;
  /** Inclusive; -1 when there are no lines. */
  readonly lastLine: number;
  readonly x0: number;
  readonly x1: number;
}

const LINE_BLOCK = 16;
const OVERSCAN_LINES = 8;

/**
 * Render window for a viewport. Quantized so that most scroll frames yield an equal
 * window and nothing re-renders; it only moves when the margin is about to run out.
 */
export function renderWindow(view: ViewportState, geo: ChartGeometry): RenderWindow {
  const rowsHeight = Math.max(0, view.height - geo.headerHeight);
  const top = view.scrollTop / geo.rowHeight;
  const bottom = (view.scrollTop + rowsHeight) / geo.rowHeight;
  const firstLine = Math.max(0, Math.floor((top - OVERSCAN_LINES) / LINE_BLOCK) * LINE_BLOCK);
  const lastLine = Math.min(geo.lineCount, Math.ceil((bottom + OVERSCAN_LINES) / LINE_BLOCK) * LINE_BLOCK) - 1;

  const chartVisible = Math.max(0, view.width - geo.paneWidth);
  const quantum = Math.max(256, Math.round(chartVisible / 2));
  const x0 = Math.max(0, Math.floor((view.scrollLeft - quantum) / quantum) * quantum);
  const x1 = Math.min(geo.chartWidth, Math.ceil((view.scrollLeft + chartVisible + quantum) / quantum) * quantum);
  return { firstLine, lastLine, x0, x1 };
}

export function sameWindow(a: RenderWindow, b: RenderWindow): boolean {
  return a.firstLine === b.firstLine && a.lastLine === b.lastLine && a.x0 === b.x0 && a.x1 === b.x1;
}

/** The chart pixels actually visible (no margin), e.g. for `rangeChange`. */
export function visibleSpan(view: ViewportState, geo: ChartGeometry): { x0: number; x1: number } {
  const chartVisible = Math.max(0, view.width - geo.paneWidth);
  return { x0: view.scrollLeft, x1: Math.min(geo.chartWidth, view.scrollLeft + chartVisible) };
}
