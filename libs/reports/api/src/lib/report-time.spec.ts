import { ganttPageGeometry, tint } from './gantt/gantt-pdf';
import { reportLabels } from './report-labels';
import { timeRangeLabel } from './report-time';

const ZONE = 'Asia/Shanghai';

describe('report helpers', () => {
  it('shows the times of a task within the day, and the dates of one spanning days', () => {
    expect(timeRangeLabel('2026-11-02T00:00:00Z', '2026-11-02T04:00:00Z', '2026-11-02', ZONE)).toBe('08:00–12:00');
    expect(timeRangeLabel('2026-11-02T06:00:00Z', '2026-11-03T04:00:00Z', '2026-11-02', ZONE)).toBe(
      '11-02 14:00 – 11-03 12:00',
    );
    // Ending at midnight ends the day before.
    expect(timeRangeLabel('2026-11-02T08:00:00Z', '2026-11-02T16:00:00Z', '2026-11-02', ZONE)).toBe('16:00–00:00');
  });

  it('tints colours toward white and falls back on a blue for what is not a colour', () => {
    expect(tint('#000000', 0.5)).toBe('#808080');
    expect(tint('#d9480f', 1)).toBe('#d9480f');
    expect(tint('red', 1)).toBe('#4c6ef5');
  });

  it('fits more rows on landscape A3 than on A4', () => {
    const a4 = ganttPageGeometry('A4');
    const a3 = ganttPageGeometry('A3');
    expect(a4.width).toBeGreaterThan(a4.height);
    expect(a4.rowsPerPage).toBe(29);
    expect(a3.rowsPerPage).toBeGreaterThan(a4.rowsPerPage * 1.4);
  });

  it('prints in English only when asked', () => {
    expect(reportLabels(undefined).pageOf(1, 3)).toBe('第 1 / 3 页');
    expect(reportLabels('en-GB,en;q=0.8').pageOf(1, 3)).toBe('Page 1 / 3');
    expect(reportLabels('zh-CN').legend.critical).toBe('关键路径');
  });
});
