import { refsFixture, scheduleFixture } from '@worksite/web-planning-data-access/testing';
import {
  CellContext,
  cellText,
  columnLayout,
  DEFAULT_VISIBLE,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  resizeColumn,
  restoreColumns,
  toggleColumn,
} from './table-columns';

const ctx: CellContext = {
  refs: refsFixture(),
  zone: 'Asia/Shanghai',
  minutesPerDay: 480,
  locale: 'zh-CN',
  predecessors: new Map([['B', [{ code: 1, type: 'FS', lagMinutes: 960 }]]]),
  statusLabel: (s) => `[${s}]`,
};

describe('column layout', () => {
  it('places the visible columns in table order with their widths', () => {
    const { columns, width } = columnLayout({ visible: ['title', 'code', 'duration'], widths: { title: 200 } });
    expect(columns.map((c) => [c.id, c.left, c.width])).toEqual([
      ['code', 0, 48],
      ['title', 48, 200],
      ['duration', 248, 70],
    ]);
    expect(width).toBe(318);
    expect(columnLayout({ visible: DEFAULT_VISIBLE, widths: {} }, ['code', 'title']).columns).toHaveLength(2);
  });

  it('resizes within limits, hides and shows columns but never the title', () => {
    const state = { visible: ['code', 'title'] as const, widths: {} };
    expect(resizeColumn({ ...state, visible: [...state.visible] }, 'code', 5).widths.code).toBe(MIN_COLUMN_WIDTH);
    expect(resizeColumn({ ...state, visible: [...state.visible] }, 'code', 9999).widths.code).toBe(MAX_COLUMN_WIDTH);
    const shown = toggleColumn({ visible: ['code', 'title'], widths: {} }, 'duration');
    expect(shown.visible).toEqual(['code', 'title', 'duration']);
    expect(toggleColumn(shown, 'code').visible).toEqual(['title', 'duration']);
    expect(toggleColumn(shown, 'title')).toBe(shown);
  });

  it('restores a stored state, ignoring what it does not know', () => {
    expect(restoreColumns(null).visible).toEqual(DEFAULT_VISIBLE);
    expect(restoreColumns('{not json').visible).toEqual(DEFAULT_VISIBLE);
    expect(restoreColumns(JSON.stringify({ visible: ['crew', 'bogus'], widths: { crew: 10, bogus: 5 } }))).toEqual({
      visible: ['title', 'crew'],
      widths: { crew: MIN_COLUMN_WIDTH },
    });
  });
});

describe('cell texts', () => {
  const [a, b] = scheduleFixture().tasks;

  it('shows names, dates in the project zone, durations and links in the notation', () => {
    expect(cellText(a, 'code', ctx)).toBe('1');
    expect(cellText(a, 'department', ctx)).toBe('电力公司');
    expect(cellText(a, 'crew', ctx)).toBe('电力一班');
    expect(cellText(a, 'location', ctx)).toBe('八经小区 › 32号楼');
    expect(cellText(a, 'start', ctx)).toBe('03-02 08:00');
    expect(cellText(a, 'finish', ctx, true)).toBe('2026-03-02 12:00');
    expect(cellText(a, 'duration', ctx)).toBe('4小时');
    expect(cellText(a, 'duration', { ...ctx, locale: 'en' })).toBe('4h');
    expect(cellText(b, 'predecessors', ctx)).toBe('1FS+2d');
    expect(cellText(a, 'totalFloat', ctx)).toBe('0天');
    expect(cellText(a, 'status', ctx)).toBe('[planned]');
    expect(cellText(a, 'progress', ctx)).toBe('0%');
  });

  it('does not say ready of a task that waits on an open constraint, as the status badge', () => {
    const waiting = { ...ctx, notReady: new Set([a.id]), notReadyLabel: '未就绪' };
    expect(cellText({ ...a, status: 'ready' }, 'status', waiting)).toBe('未就绪');
    expect(cellText({ ...a, status: 'ready' }, 'status', ctx)).toBe('[ready]');
    expect(cellText({ ...a, status: 'in_progress' }, 'status', waiting)).toBe('[in_progress]');
    expect(cellText({ ...b, status: 'ready' }, 'status', waiting)).toBe('[ready]');
  });
});
