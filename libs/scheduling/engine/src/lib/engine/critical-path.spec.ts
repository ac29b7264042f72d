import { ConstraintType, DependencyType, SchedulingMode } from '@worksite/shared-domain';
import { ALWAYS_UTC, DAY_MINUTES, sh, shl } from '../../testing/calendars';
import { WorkingCalendar } from '../calendar/working-calendar';
import { LinkInput, ProjectInput, TaskInput } from '../model/project-input';
import { ScheduleResult, ScheduledTask } from '../model/schedule-result';
import { scheduleProject } from '../schedule-project';

const T0 = Date.UTC(2026, 0, 5); // a Monday, 00:00 UTC
const DAY_MS = 86_400_000;
const HOUR = 60;
const utc = WorkingCalendar.compile(ALWAYS_UTC);

function schedule(project: ProjectInput, calendar: WorkingCalendar = utc): ScheduleResult {
  const outcome = scheduleProject(project, calendar);
  if (!outcome.ok) throw new Error(`unexpected error ${JSON.stringify(outcome.error)}`);
  return outcome.result;
}

function byId(result: ScheduleResult): Record<string, ScheduledTask> {
  return Object.fromEntries(result.tasks.map((t) => [t.id, t]));
}

function fs(predecessorId: string, successorId: string, type = DependencyType.FS, lag = 0): LinkInput {
  return { id: `${predecessorId}-${successorId}`, predecessorId, successorId, type, lag };
}

describe('critical path: the classic A..H activity-on-node network (whole days, 24/7 calendar)', () => {
  // Durations (days) and predecessors; hand-computed table (days after project start):
  //
  //   task dur preds |  ES  EF  LS  LF | TF FF | critical
  //   A     4  -     |   0   4   0   4 |  0  0 | yes
  //   B     6  -     |   0   6   1   7 |  1  1 |
  //   C     3  A     |   4   7   4   7 |  0  0 | yes
  //   D     5  A     |   4   9   4   9 |  0  0 | yes
  //   E     4  B, C  |   7  11   7  11 |  0  0 | yes
  //   F     2  D     |   9  11   9  11 |  0  0 | yes
  //   G     6  E, F  |  11  17  11  17 |  0  0 | yes
  //   H     3  D     |   9  12  14  17 |  5  5 |
  //
  // Project duration 17 days; critical paths A-C-E-G and A-D-F-G.
  const durations: Record<string, number> = { A: 4, B: 6, C: 3, D: 5, E: 4, F: 2, G: 6, H: 3 };
  const links = [
    fs('A', 'C'),
    fs('A', 'D'),
    fs('B', 'E'),
    fs('C', 'E'),
    fs('D', 'F'),
    fs('E', 'G'),
    fs('F', 'G'),
    fs('D', 'H'),
  ];
  const expected: Record<string, [number, number, number, number, number, number]> = {
    A: [0, 4, 0, 4, 0, 0],
    B: [0, 6, 1, 7, 1, 1],
    C: [4, 7, 4, 7, 0, 0],
    D: [4, 9, 4, 9, 0, 0],
    E: [7, 11, 7, 11, 0, 0],
    F: [9, 11, 9, 11, 0, 0],
    G: [11, 17, 11, 17, 0, 0],
    H: [9, 12, 14, 17, 5, 5],
  };
  const result = schedule({
    start: T0,
    tasks: Object.entries(durations).map(([id, d]) => ({ id, duration: d * DAY_MINUTES })),
    links,
  });
  const tasks = byId(result);
  const day = (instant: number) => (instant - T0) / DAY_MS;

  it.each(Object.keys(expected))('task %s has the textbook dates and floats', (id) => {
    const t = tasks[id];
    const [es, ef, ls, lf, tf, ff] = expected[id];
    expect([day(t.start), day(t.finish), day(t.lateStart), day(t.lateFinish)]).toEqual([es, ef, ls, lf]);
    expect([t.totalFloat / DAY_MINUTES, t.freeFloat / DAY_MINUTES]).toEqual([tf, ff]);
    expect(t.critical).toBe(tf === 0);
  });

  it('finishes the project on day 17 and lists the critical tasks by start', () => {
    expect(day(result.projectFinish)).toBe(17);
    expect(result.criticalPath).toEqual(['A', 'C', 'D', 'E', 'F', 'G']);
    expect(result.violations).toEqual([]);
  });

  it('marks the driving links with zero slack', () => {
    const slack = Object.fromEntries(result.links.map((l) => [l.id, l.slack / DAY_MINUTES]));
    expect(slack).toEqual({ 'A-C': 0, 'A-D': 0, 'B-E': 1, 'C-E': 0, 'D-F': 0, 'E-G': 0, 'F-G': 0, 'D-H': 0 });
  });

  it('computes late dates against a deadline when one is given', () => {
    const late = byId(
      schedule({
        start: T0,
        deadline: T0 + 20 * DAY_MS,
        tasks: Object.entries(durations).map(([id, d]) => ({ id, duration: d * DAY_MINUTES })),
        links,
      }),
    );
    expect(late['A'].totalFloat).toBe(3 * DAY_MINUTES);
    expect(late['A'].critical).toBe(false);
    const tight = byId(
      schedule({
        start: T0,
        deadline: T0 + 15 * DAY_MS,
        tasks: Object.entries(durations).map(([id, d]) => ({ id, duration: d * DAY_MINUTES })),
        links,
      }),
    );
    expect(tight['G'].totalFloat).toBe(-2 * DAY_MINUTES);
    expect(tight['H'].totalFloat).toBe(3 * DAY_MINUTES);
  });
});

describe('link types and lags (hours on a 24/7 calendar)', () => {
  const P: TaskInput = { id: 'P', duration: 8 * HOUR };
  const S: TaskInput = { id: 'S', duration: 4 * HOUR };
  const startOfS = (type: DependencyType, lag: number, p: TaskInput = P) =>
    (byId(schedule({ start: T0, tasks: [p, S], links: [fs('P', 'S', type, lag)] }))['S'].start - T0) / 3_600_000;

  it('FS: successor starts after the predecessor finishes, plus lag', () => {
    expect(startOfS(DependencyType.FS, 2 * HOUR)).toBe(10);
  });
  it('SS: successor starts after the predecessor starts, plus lag', () => {
    expect(startOfS(DependencyType.SS, 2 * HOUR)).toBe(2);
  });
  it('FF: successor finishes after the predecessor finishes, plus lag', () => {
    expect(startOfS(DependencyType.FF, 2 * HOUR)).toBe(6);
  });
  it('SF: successor finishes after the predecessor starts, plus lag', () => {
    const later: TaskInput = { ...P, constraint: { type: ConstraintType.StartNoEarlierThan, at: T0 + 5 * 3_600_000 } };
    expect(startOfS(DependencyType.SF, 2 * HOUR, later)).toBe(3);
  });
  it('negative lag (lead): FS -3 h overlaps the end of the predecessor', () => {
    expect(startOfS(DependencyType.FS, -3 * HOUR)).toBe(5);
  });
  it('never starts an automatic task before the project start, even with a lead', () => {
    expect(startOfS(DependencyType.SS, -3 * HOUR)).toBe(0);
  });
});

describe('boundary conventions on the default Shanghai calendar', () => {
  const start = sh('2026-03-02T08:00'); // Monday
  const run = (type: DependencyType, lag: number, succDuration = 60) =>
    byId(
      schedule(
        {
          start,
          tasks: [
            { id: 'A', duration: 240 },
            { id: 'B', duration: succDuration },
          ],
          links: [fs('A', 'B', type, lag)],
        },
        WorkingCalendar.compile(),
      ),
    );

  it('a task using up the morning ends at 12:00; an FS lag 0 successor starts at 14:00', () => {
    const t = run(DependencyType.FS, 0);
    expect(shl(t['A'].finish)).toBe('2026-03-02T12:00');
    expect(shl(t['B'].start)).toBe('2026-03-02T14:00');
  });
  it('lags count working time only: FS +60 starts at 15:00, FS -60 at 11:00', () => {
    expect(shl(run(DependencyType.FS, 60)['B'].start)).toBe('2026-03-02T15:00');
    expect(shl(run(DependencyType.FS, -60)['B'].start)).toBe('2026-03-02T11:00');
  });
  it('SS +300 starts after 300 working minutes: 15:00', () => {
    expect(shl(run(DependencyType.SS, 300)['B'].start)).toBe('2026-03-02T15:00');
  });
  it('a zero-duration milestone sits at the next working instant', () => {
    const t = run(DependencyType.FS, 0, 0);
    expect([shl(t['B'].start), shl(t['B'].finish)]).toEqual(['2026-03-02T14:00', '2026-03-02T14:00']);
  });
  it('a task without predecessors starts at the next working instant at/after max(project start, SNET)', () => {
    const t = byId(
      schedule(
        {
          start: sh('2026-03-01T10:00'), // Sunday
          tasks: [
            { id: 'X', duration: 60 },
            {
              id: 'Y',
              duration: 60,
              constraint: { type: ConstraintType.StartNoEarlierThan, at: sh('2026-03-02T12:30') },
            },
          ],
          links: [],
        },
        WorkingCalendar.compile(),
      ),
    );
    expect(shl(t['X'].start)).toBe('2026-03-02T08:00');
    expect(shl(t['Y'].start)).toBe('2026-03-02T14:00');
  });
});

describe('constraints and manual tasks', () => {
  it('must-start-on pins an automatic task and reports the link it breaks', () => {
    const result = schedule({
      start: T0,
      tasks: [
        { id: 'A', duration: 2 * DAY_MINUTES },
        { id: 'B', duration: DAY_MINUTES, constraint: { type: ConstraintType.MustStartOn, at: T0 + DAY_MS } },
      ],
      links: [fs('A', 'B')],
    });
    expect(byId(result)['B'].start).toBe(T0 + DAY_MS);
    expect(result.violations).toEqual([
      {
        kind: 'dependency',
        taskId: 'B',
        linkId: 'A-B',
        predecessorId: 'A',
        type: DependencyType.FS,
        lag: 0,
        actual: T0 + DAY_MS,
        required: T0 + 2 * DAY_MS,
        byMinutes: DAY_MINUTES,
      },
    ]);
  });

  it('finish-no-later-than tightens late dates and is reported, never moving the task back', () => {
    const result = schedule({
      start: T0,
      tasks: [
        { id: 'A', duration: 3 * DAY_MINUTES },
        { id: 'B', duration: DAY_MINUTES, constraint: { type: ConstraintType.FinishNoLaterThan, at: T0 + 2 * DAY_MS } },
      ],
      links: [fs('A', 'B')],
    });
    const t = byId(result);
    expect(t['B'].finish).toBe(T0 + 4 * DAY_MS);
    expect(t['B'].lateFinish).toBe(T0 + 2 * DAY_MS);
    expect(t['B'].totalFloat).toBe(-2 * DAY_MINUTES);
    expect(t['A'].totalFloat).toBe(-2 * DAY_MINUTES);
    expect(result.violations).toEqual([
      expect.objectContaining({
        kind: 'constraint',
        taskId: 'B',
        actual: T0 + 4 * DAY_MS,
        required: T0 + 2 * DAY_MS,
        byMinutes: 2 * DAY_MINUTES,
      }),
    ]);
  });

  it('never moves a manual task and reports the dependency it violates, by how much', () => {
    const result = schedule({
      start: T0,
      tasks: [
        { id: 'A', duration: 2 * DAY_MINUTES },
        { id: 'M', duration: DAY_MINUTES, mode: SchedulingMode.Manual, start: T0 + DAY_MS },
        { id: 'C', duration: DAY_MINUTES },
      ],
      links: [fs('A', 'M', DependencyType.FS, 6 * HOUR), fs('M', 'C')],
    });
    const t = byId(result);
    expect([t['M'].start, t['M'].finish]).toEqual([T0 + DAY_MS, T0 + 2 * DAY_MS]);
    expect(t['C'].start).toBe(T0 + 2 * DAY_MS);
    expect(result.violations).toEqual([
      expect.objectContaining({ kind: 'dependency', taskId: 'M', linkId: 'A-M', byMinutes: DAY_MINUTES + 6 * HOUR }),
    ]);
  });

  it('reports manual tasks that miss their constraints', () => {
    const result = schedule({
      start: T0,
      tasks: [
        {
          id: 'S',
          duration: 60,
          mode: SchedulingMode.Manual,
          start: T0,
          constraint: { type: ConstraintType.StartNoEarlierThan, at: T0 + 2 * 3_600_000 },
        },
        {
          id: 'F',
          duration: 0,
          mode: SchedulingMode.Manual,
          start: T0,
          finish: T0 + 5 * 3_600_000,
          constraint: { type: ConstraintType.FinishNoLaterThan, at: T0 + 4 * 3_600_000 },
        },
      ],
      links: [],
    });
    expect(result.violations.map((v) => [v.taskId, v.kind, v.byMinutes])).toEqual([
      ['F', 'constraint', 60],
      ['S', 'constraint', 120],
    ]);
    expect(byId(result)['F'].duration).toBe(5 * HOUR);
  });
});

describe('invalid projects', () => {
  const task = (id: string): TaskInput => ({ id, duration: 60 });

  it('reports a cycle with the ids of its tasks and links, in dependency order', () => {
    const outcome = scheduleProject(
      {
        start: T0,
        tasks: ['A', 'B', 'C', 'D'].map(task),
        links: [fs('D', 'A'), fs('A', 'B'), fs('B', 'C'), fs('C', 'A')],
      },
      utc,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.error.kind !== 'cycle') throw new Error('expected a cycle');
    const { taskIds, linkIds } = outcome.error;
    expect([...taskIds].sort()).toEqual(['A', 'B', 'C']);
    const k = taskIds.indexOf('A');
    expect([...taskIds.slice(k), ...taskIds.slice(0, k)]).toEqual(['A', 'B', 'C']);
    expect(linkIds).toHaveLength(3);
    linkIds.forEach((id, i) => expect(id).toBe(`${taskIds[i]}-${taskIds[(i + 1) % 3]}`));
  });

  it('reports a task linked to itself as a cycle of one', () => {
    expect(scheduleProject({ start: T0, tasks: [task('A')], links: [fs('A', 'A')] }, utc)).toEqual({
      ok: false,
      error: { kind: 'cycle', taskIds: ['A'], linkIds: ['A-A'] },
    });
  });

  it.each([
    ['unknown task', { start: T0, tasks: [task('A')], links: [fs('A', 'Z')] }, 'unknown-task'],
    ['duplicate task', { start: T0, tasks: [task('A'), task('A')], links: [] }, 'duplicate-id'],
    ['negative duration', { start: T0, tasks: [{ id: 'A', duration: -5 }], links: [] }, 'invalid-value'],
    [
      'finish before start',
      {
        start: T0,
        tasks: [{ id: 'A', duration: 1, mode: SchedulingMode.Manual, start: T0, finish: T0 - 1 }],
        links: [],
      },
      'invalid-value',
    ],
    [
      'bad link type',
      {
        start: T0,
        tasks: [task('A'), task('B')],
        links: [{ id: 'x', predecessorId: 'A', successorId: 'B', type: 'XX' as DependencyType }],
      },
      'invalid-value',
    ],
  ])('rejects %s', (_, project, kind) => {
    const outcome = scheduleProject(project as ProjectInput, utc);
    expect(outcome.ok ? null : outcome.error.kind).toBe(kind);
  });
});
