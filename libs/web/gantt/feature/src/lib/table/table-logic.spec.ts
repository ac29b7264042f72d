import { refsFixture, scheduleFixture, taskFixture } from '@worksite/web-planning-data-access/testing';
import { GanttGroup } from '@worksite/web-gantt-ui';
import { CellContext } from './table-columns';
import {
  clickSelection,
  LineKind,
  moveActive,
  nextSort,
  predecessorChanges,
  predecessorsByTask,
  sortGroups,
} from './table-logic';

const schedule = scheduleFixture();
const taskById = new Map(schedule.tasks.map((t) => [t.id, t]));
const ctx: CellContext = {
  refs: refsFixture(),
  zone: 'Asia/Shanghai',
  minutesPerDay: 480,
  locale: 'zh-CN',
  predecessors: predecessorsByTask(schedule.dependencies, taskById),
  statusLabel: (s) => s,
};

describe('sorting', () => {
  it('cycles ascending, descending, none on the same header; a new header starts ascending', () => {
    expect(nextSort(null, 'title')).toEqual({ column: 'title', direction: 'asc' });
    expect(nextSort({ column: 'title', direction: 'asc' }, 'title')).toEqual({ column: 'title', direction: 'desc' });
    expect(nextSort({ column: 'title', direction: 'desc' }, 'title')).toBeNull();
    expect(nextSort({ column: 'title', direction: 'desc' }, 'code')).toEqual({ column: 'code', direction: 'asc' });
  });

  it('sorts the rows inside each group, keeping the groups where they are', () => {
    const groups: GanttGroup[] = [
      { id: 'g1', label: 'one', rows: ['A', 'B', 'C'].map((id) => ({ id, label: id })) },
      { id: 'g2', label: 'two', rows: [{ id: 'C', label: 'C' }] },
    ];
    const byCodeDesc = sortGroups(groups, { column: 'code', direction: 'desc' }, taskById, ctx);
    expect(byCodeDesc.map((g) => [g.id, g.rows.map((r) => r.id)])).toEqual([
      ['g1', ['C', 'B', 'A']],
      ['g2', ['C']],
    ]);
    const byStart = sortGroups(groups, { column: 'start', direction: 'asc' }, taskById, ctx);
    expect(byStart[0].rows.map((r) => r.id)).toEqual(['A', 'B', 'C']);
    // Equal values keep the chart's order.
    const byDuration = sortGroups(groups, { column: 'duration', direction: 'desc' }, taskById, ctx);
    expect(byDuration[0].rows.map((r) => r.id)).toEqual(['A', 'B', 'C']);
    expect(sortGroups(groups, null, taskById, ctx)).toBe(groups);
  });
});

describe('predecessors', () => {
  const tasks = [
    taskFixture('A', { code: 1 }),
    taskFixture('B', { code: 2 }),
    taskFixture('C', { code: 3 }),
    taskFixture('D', { code: 4 }),
  ];
  const byCode = new Map(tasks.map((t) => [t.code, t]));
  const links = [
    { id: 'l1', version: 3, projectId: 'p1', predecessorId: 'A', successorId: 'D', type: 'FS' as const, lagMinutes: 0 },
    { id: 'l2', version: 1, projectId: 'p1', predecessorId: 'B', successorId: 'D', type: 'SS' as const, lagMinutes: 0 },
    { id: 'l3', version: 1, projectId: 'p1', predecessorId: 'A', successorId: 'B', type: 'FS' as const, lagMinutes: 0 },
  ];

  it('lists each task’s predecessors by code', () => {
    const by = predecessorsByTask(links, new Map(tasks.map((t) => [t.id, t])));
    expect(by.get('D')).toEqual([
      { code: 1, type: 'FS', lagMinutes: 0 },
      { code: 2, type: 'SS', lagMinutes: 0 },
    ]);
    expect(by.get('A')).toBeUndefined();
  });

  it('creates, changes and deletes links so that the stored ones match what was typed', () => {
    const changes = predecessorChanges(
      tasks[3],
      [
        { code: 1, type: 'FS', lagMinutes: 960 },
        { code: 3, type: 'FF', lagMinutes: -60 },
      ],
      links,
      byCode,
    );
    expect(changes).toEqual({
      create: [{ predecessorId: 'C', type: 'FF', lagMinutes: -60 }],
      update: [{ id: 'l1', version: 3, type: 'FS', lagMinutes: 960 }],
      remove: [{ id: 'l2' }],
      unknownCodes: [],
      selfCode: false,
    });
  });

  it('names codes of no visible task and the task itself', () => {
    const changes = predecessorChanges(
      tasks[3],
      [
        { code: 99, type: 'FS', lagMinutes: 0 },
        { code: 4, type: 'FS', lagMinutes: 0 },
      ],
      [],
      byCode,
    );
    expect(changes.unknownCodes).toEqual([99]);
    expect(changes.selfCode).toBe(true);
  });
});

describe('keyboard navigation', () => {
  const lines: LineKind[] = ['group', 'task', 'task', 'group', 'task'];

  it('moves up and down over task lines, skipping group headers, and stops at the ends', () => {
    expect(moveActive({ line: 2, column: 1 }, 'ArrowDown', false, lines, 4)).toEqual({ line: 4, column: 1 });
    expect(moveActive({ line: 4, column: 1 }, 'ArrowDown', false, lines, 4)).toEqual({ line: 4, column: 1 });
    expect(moveActive({ line: 4, column: 1 }, 'ArrowUp', false, lines, 4)).toEqual({ line: 2, column: 1 });
    expect(moveActive({ line: 1, column: 1 }, 'ArrowUp', false, lines, 4)).toEqual({ line: 1, column: 1 });
  });

  it('moves left and right within the columns, Home and End to the row’s ends', () => {
    expect(moveActive({ line: 1, column: 0 }, 'ArrowLeft', false, lines, 4)).toEqual({ line: 1, column: 0 });
    expect(moveActive({ line: 1, column: 3 }, 'ArrowRight', false, lines, 4)).toEqual({ line: 1, column: 3 });
    expect(moveActive({ line: 1, column: 2 }, 'Home', false, lines, 4)).toEqual({ line: 1, column: 0 });
    expect(moveActive({ line: 1, column: 0 }, 'End', false, lines, 4)).toEqual({ line: 1, column: 3 });
  });

  it('Tab and Shift+Tab go along the row and wrap to the next and previous task rows', () => {
    expect(moveActive({ line: 1, column: 2 }, 'Tab', false, lines, 4)).toEqual({ line: 1, column: 3 });
    expect(moveActive({ line: 2, column: 3 }, 'Tab', false, lines, 4)).toEqual({ line: 4, column: 0 });
    expect(moveActive({ line: 4, column: 0 }, 'Tab', true, lines, 4)).toEqual({ line: 2, column: 3 });
    expect(moveActive({ line: 4, column: 3 }, 'Tab', false, lines, 4)).toBeNull();
  });

  it('pages by lines, landing on a task line; other keys are no moves', () => {
    expect(moveActive({ line: 1, column: 0 }, 'PageDown', false, lines, 4, 2)).toEqual({ line: 2, column: 0 });
    expect(moveActive({ line: 4, column: 0 }, 'PageUp', false, lines, 4, 10)).toEqual({ line: 1, column: 0 });
    expect(moveActive({ line: 1, column: 0 }, 'x', false, lines, 4)).toBeNull();
  });
});

describe('multi-select', () => {
  const order = ['A', 'B', 'C', 'D'];

  it('selects one, toggles with Ctrl/Cmd, takes the range from the anchor with Shift', () => {
    expect([...clickSelection(new Set(['A']), 'A', 'C', 'single', order)]).toEqual(['C']);
    expect([...clickSelection(new Set(['A']), 'A', 'C', 'toggle', order)]).toEqual(['A', 'C']);
    expect([...clickSelection(new Set(['A', 'C']), 'A', 'C', 'toggle', order)]).toEqual(['A']);
    expect([...clickSelection(new Set(['D']), 'D', 'B', 'range', order)]).toEqual(['B', 'C', 'D']);
    expect([...clickSelection(new Set(), null, 'B', 'range', order)]).toEqual(['B']);
  });
});
