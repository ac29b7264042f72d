import { renderWindow, sameWindow, visibleSpan } from './render-window';

const geo = { rowHeight: 32, lineCount: 10_000, chartWidth: 50_000, paneWidth: 240, headerHeight: 48 };
const view = { scrollTop: 0, scrollLeft: 0, width: 1240, height: 648 };

describe('render window', () => {
  it('covers the visible lines and pixels plus a margin', () => {
    const w = renderWindow({ ...view, scrollTop: 3200, scrollLeft: 5000 }, geo);
    // Visible lines 100..118, visible pixels 5000..6000.
    expect(w.firstLine).toBeLessThanOrEqual(100);
    expect(w.lastLine).toBeGreaterThanOrEqual(119);
    expect(w.lastLine - w.firstLine).toBeLessThan(64);
    expect(w.x0).toBeLessThanOrEqual(5000);
    expect(w.x1).toBeGreaterThanOrEqual(6000);
    expect(w.x1 - w.x0).toBeLessThan(4000);
  });

  it('stays equal for small scrolls so nothing re-renders', () => {
    const a = renderWindow({ ...view, scrollTop: 3200, scrollLeft: 5100 }, geo);
    const b = renderWindow({ ...view, scrollTop: 3210, scrollLeft: 5110 }, geo);
    expect(sameWindow(a, b)).toBe(true);
  });

  it('is clamped to the content', () => {
    const w = renderWindow(view, { ...geo, lineCount: 5, chartWidth: 300 });
    expect(w).toEqual({ firstLine: 0, lastLine: 4, x0: 0, x1: 300 });
    expect(renderWindow(view, { ...geo, lineCount: 0 }).lastLine).toBe(-1);
  });

  it('reports the exactly visible pixels', () => {
    expect(visibleSpan({ ...view, scrollLeft: 100 }, geo)).toEqual({ x0: 100, x1: 1100 });
  });
});
