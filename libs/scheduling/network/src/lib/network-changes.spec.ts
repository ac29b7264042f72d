import { SchedulingEngine, WorkingCalendar } from '@worksite/scheduling-engine';
import { DependencyType, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { engineChanges, StoredRows } from './network-changes';
import { toEngineProject } from './task-entry';

const start = Date.parse('2026-12-08T00:00:00Z');
const HOUR = 3_600_000;
const calendar = WorkingCalendar.compile({
  timeZone: 'UTC',
  weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((day) => [day, [{ start: '00:00', end: '24:00' }]])),
});
const project = { startDate: '2026-12-08', timeZone: 'UTC' };

type Row = StoredRows['tasks'][number];
type LinkRow = StoredRows['links'][number];

const task = (id: string, hours: number, overrides: Partial<Row> = {}): Row => ({
  id,
  version: 1,
  status: TaskStatus.Planned,
  schedulingMode: SchedulingMode.Automatic,
  constraintType: null,
  constraintAt: null,
  plannedStart: start,
  plannedFinish: start + hours * HOUR,
  durationMinutes: hours * 60,
  ...overrides,
});
const link = (id: string, from: string, to: string, overrides: Partial<LinkRow> = {}): LinkRow => ({
  id,
  version: 1,
  predecessorId: from,
  successorId: to,
  type: DependencyType.FS,
  lagMinutes: 0,
  ...overrides,
});

const base: StoredRows = {
  tasks: [task('a', 4), task('b', 4), task('c', 2), task('d', 8)],
  links: [link('ab', 'a', 'b'), link('bc', 'b', 'c')],
};

/** The result of an engine built from `before` and edited, against one built from `after`. */
function advancedAndFresh(before: StoredRows, after: StoredRows) {
  const built = (rows: StoredRows) => {
    const created = SchedulingEngine.create(toEngineProject(project, rows.tasks, rows.links).input, calendar);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    return created.engine;
  };
  const engine = built(before);
  const changes = engineChanges(before, after);
  if (!changes) throw new Error('expected changes, got a rebuild');
  expect(engine.apply(changes).ok).toBe(true);
  return { changes, advanced: engine.result(), fresh: built(after).result() };
}

describe('engineChanges', () => {
  it('edits only the tasks and links whose version changed, and the edited engine computes what a new one does', () => {
    const after: StoredRows = {
      tasks: [
        base.tasks[0],
        { ...base.tasks[1], version: 2, durationMinutes: 600, plannedFinish: start + 10 * HOUR },
        base.tasks[2],
        { ...base.tasks[3], version: 3 },
      ],
      links: [{ ...base.links[0], version: 2, lagMinutes: 60 }, link('cd', 'c', 'd', { type: DependencyType.SS })],
    };
    const { changes, advanced, fresh } = advancedAndFresh(base, after);
    expect(changes.map((change) => change.kind)).toEqual(['remove-link', 'update-task', 'update-link', 'add-link']);
    expect(advanced).toEqual(fresh);
  });

  it('changes nothing for a row whose engine input is the same (a new title), and skips unchanged links', () => {
    const after = { ...base, tasks: base.tasks.map((row, i) => (i === 0 ? { ...row, version: 2 } : row)) };
    expect(engineChanges(base, after)).toEqual([]);
  });

  it('asks for a new engine when the task set changes: added, removed, cancelled or taken back in', () => {
    const cancelled = { ...base.tasks[3], version: 2, status: TaskStatus.Cancelled };
    expect(engineChanges(base, { ...base, tasks: [...base.tasks, task('e', 1)] })).toBeNull();
    expect(engineChanges(base, { ...base, tasks: base.tasks.slice(1) })).toBeNull();
    expect(engineChanges(base, { ...base, tasks: [...base.tasks.slice(0, 3), cancelled] })).toBeNull();
    expect(engineChanges({ ...base, tasks: [...base.tasks.slice(0, 3), cancelled] }, base)).toBeNull();
  });

  it('asks for a new engine when most of the project changed, or a link was re-pointed', () => {
    const many = Array.from({ length: 400 }, (_, i) => task(`t${i}`, 1));
    const moved = many.map((row, i) => (i < 150 ? { ...row, version: 2, durationMinutes: 30 } : row));
    expect(engineChanges({ ...base, tasks: many }, { ...base, tasks: moved })).toBeNull();
    expect(
      engineChanges({ ...base, tasks: many }, { ...base, tasks: moved.slice(0, 100).concat(many.slice(100)) }),
    ).toHaveLength(100);
    const repointed = [{ ...base.links[0], version: 2, successorId: 'c' }, base.links[1]];
    expect(engineChanges(base, { ...base, links: repointed })).toBeNull();
  });
});
