import { runInChangeSet } from '@worksite/api-core';
import { SYSTEM_ACTOR } from '@worksite/auth-access';
import {
  AuditEntryEntity,
  CalendarEntity,
  DependencyEntity,
  DepartmentEntity,
  ProjectEntity,
  TaskEntity,
} from '@worksite/server-data-access';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { ConstraintType, DepartmentKind, DependencyType, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { ProjectCalendarService } from '../calendar/project-calendar.service';
import { ProjectNetworkService } from '../network/project-network.service';
import { ProjectRescheduler } from './project-rescheduler.service';
import { writeMoves } from './schedule-writer';
import { scheduleNetwork } from '../network/schedule-network';
import { localDateIn } from '@worksite/shared-util-time';
import { randomUUID } from 'node:crypto';

/** Shanghai local time as a Date ('2026-11-02T08:00'); Monday 2026-11-02. */
const sh = (local: string) => new Date(`${local}:00+08:00`);
const DAY = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];

describe('re-scheduling writes against PostgreSQL', () => {
  let db: TestDatabase;
  let rescheduler: ProjectRescheduler;
  let projectId: string;
  let departmentId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const calendars = new ProjectCalendarService(db.dataSource);
    rescheduler = new ProjectRescheduler(new ProjectNetworkService(db.dataSource, calendars), calendars);
    const manager = db.dataSource.manager;
    const calendar = await manager.save(CalendarEntity, {
      name: '测试日历',
      weeklyWindows: { 1: DAY, 2: DAY, 3: DAY, 4: DAY, 5: DAY },
    });
    const department = await manager.save(DepartmentEntity, { kind: DepartmentKind.Power, name: '供电公司' });
    departmentId = department.id;
    const project = await manager.save(ProjectEntity, {
      code: 'RESCHED',
      name: '重排测试',
      timeZone: 'Asia/Shanghai',
      calendarId: calendar.id,
      startDate: '2026-11-02',
    });
    projectId = project.id;
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function task(title: string, start: string, finish: string, extra: Partial<TaskEntity> = {}) {
    return db.dataSource.manager.save(TaskEntity, {
      projectId,
      departmentId,
      title,
      plannedStart: sh(start),
      plannedFinish: sh(finish),
      startDate: start.slice(0, 10),
      finishDate: finish.slice(0, 10),
      durationMinutes: 240,
      status: TaskStatus.Planned,
      schedulingMode: SchedulingMode.Automatic,
      ...extra,
    });
  }
  const read = (id: string) => db.dataSource.manager.findOneByOrFail(TaskEntity, { id });
  const audits = async (id: string) =>
    Number((await db.dataSource.query('SELECT count(*) AS n FROM audit_entries WHERE entity_id = $1', [id]))[0].n);

  it('writes every move with version + 1, its local dates and an audit entry', async () => {
    const a = await task('A', '2026-11-02T08:00', '2026-11-02T12:00');
    const b = await task('B', '2026-11-02T14:00', '2026-11-02T18:00');
    const written = await db.dataSource.transaction((manager) =>
      writeMoves(manager, SYSTEM_ACTOR, 'Asia/Shanghai', [
        { task: a, to: { start: sh('2026-11-03T08:00').getTime(), finish: sh('2026-11-03T12:00').getTime() } },
        { task: b, to: { start: sh('2026-11-03T23:00').getTime(), finish: sh('2026-11-04T01:00').getTime() } },
      ]),
    );
    // It answers the rows as it stored them (what a kept network takes over), in the moves' order.
    const stored = await Promise.all([read(a.id), read(b.id)]);
    expect(written).toEqual(
      stored.map((row) => ({
        start: row.plannedStart.getTime(),
        finish: row.plannedFinish.getTime(),
        startDate: row.startDate,
        finishDate: row.finishDate,
        version: row.version,
      })),
    );
    expect(await read(a.id)).toMatchObject({
      version: a.version + 1,
      startDate: '2026-11-03',
      finishDate: '2026-11-03',
    });
    // 23:00 on the 3rd in Shanghai is still the 3rd there (15:00 UTC), and ends on the 4th.
    expect(await read(b.id)).toMatchObject({ startDate: '2026-11-03', finishDate: '2026-11-04' });
    expect([await audits(a.id), await audits(b.id)]).toEqual([1, 1]);
  });

  it('updates the rows of tasks a push keeps on their days in place, with no new index entries', async () => {
    const a = await task('H1', '2026-11-02T08:00', '2026-11-02T12:00');
    const b = await task('H2', '2026-11-02T14:00', '2026-11-02T17:00');
    const c = await task('H3', '2026-11-02T15:00', '2026-11-02T18:00');
    const hot = await db.dataSource.transaction(async (manager) => {
      // This backend's counts not yet flushed to the shared statistics, before and after the write.
      const counts = async (): Promise<{ updated: number; hot: number }> =>
        (
          await manager.query(
            `SELECT n_tup_upd::int AS updated, n_tup_hot_upd::int AS hot
               FROM pg_stat_xact_user_tables WHERE relname = 'tasks'`,
          )
        )[0];
      const before = await counts();
      await writeMoves(manager, SYSTEM_ACTOR, 'Asia/Shanghai', [
        // An hour later on the same day: only planned start and finish, version and updated_at change.
        { task: a, to: { start: sh('2026-11-02T09:00').getTime(), finish: sh('2026-11-02T14:00').getTime() } },
        { task: b, to: { start: sh('2026-11-02T15:00').getTime(), finish: sh('2026-11-02T18:00').getTime() } },
        // Onto the next day: its start and finish dates change, indexed columns.
        { task: c, to: { start: sh('2026-11-03T08:00').getTime(), finish: sh('2026-11-03T11:00').getTime() } },
      ]);
      const after = await counts();
      return { updated: after.updated - before.updated, hot: after.hot - before.hot };
    });
    expect(hot).toEqual({ updated: 3, hot: 2 });
    expect(await read(b.id)).toMatchObject({ plannedStart: sh('2026-11-02T15:00'), version: b.version + 1 });
  });

  it('audits each move with its dates before and after, its new version and the change set, for the undo', async () => {
    const a = await task('E', '2026-11-02T08:00', '2026-11-02T12:00');
    const b = await task('F', '2026-11-02T14:00', '2026-11-02T18:00');
    const changeSet = randomUUID();
    await runInChangeSet(changeSet, () =>
      db.dataSource.transaction((manager) =>
        writeMoves(manager, SYSTEM_ACTOR, 'Asia/Shanghai', [
          { task: a, to: { start: sh('2026-11-02T09:00').getTime(), finish: sh('2026-11-02T14:00').getTime() } },
          { task: b, to: { start: sh('2026-11-03T14:00').getTime(), finish: sh('2026-11-03T18:00').getTime() } },
        ]),
      ),
    );
    // As every reader loads them (undo, conflict decisions, the audit list): the entity folds
    // the move's columns into `changes`, only the fields that changed.
    const entries = await db.dataSource.manager.find(AuditEntryEntity, {
      where: { changeSetId: changeSet },
      order: { moveStartAfter: 'ASC' },
    });
    const common = {
      action: 'update',
      entity: 'task',
      projectId,
      actorId: null,
      actorName: SYSTEM_ACTOR.name,
      changeSetId: changeSet,
    };
    expect(entries.map(({ id, at, ...entry }) => entry)).toEqual([
      {
        ...common,
        entityId: a.id,
        rowVersion: a.version + 1,
        // The start date stays the 2nd: only what changed is recorded.
        changes: {
          plannedStart: { before: '2026-11-02T00:00:00.000Z', after: '2026-11-02T01:00:00.000Z' },
          plannedFinish: { before: '2026-11-02T04:00:00.000Z', after: '2026-11-02T06:00:00.000Z' },
        },
      },
      {
        ...common,
        entityId: b.id,
        rowVersion: b.version + 1,
        changes: {
          plannedStart: { before: '2026-11-02T06:00:00.000Z', after: '2026-11-03T06:00:00.000Z' },
          plannedFinish: { before: '2026-11-02T10:00:00.000Z', after: '2026-11-03T10:00:00.000Z' },
          startDate: { before: '2026-11-02', after: '2026-11-03' },
          finishDate: { before: '2026-11-02', after: '2026-11-03' },
        },
      },
    ]);
    // Time-ordered ids (UUIDv7), in the order of the moves: a push's entries go to adjacent index pages.
    const ids = entries.map((entry) => entry.id);
    expect(ids.map((id) => id[14])).toEqual(['7', '7']);
    expect([...ids].sort()).toEqual(ids);
    // Stored in the typed columns, with `changes` left empty.
    const [stored] = await db.dataSource.query(
      `SELECT changes, move_start_before, move_start_after, move_start_date_before::text, move_start_date_after::text
         FROM audit_entries WHERE change_set_id = $1 AND entity_id = $2`,
      [changeSet, b.id],
    );
    expect(stored).toEqual({
      changes: {},
      move_start_before: sh('2026-11-02T14:00'),
      move_start_after: sh('2026-11-03T14:00'),
      move_start_date_before: '2026-11-02',
      move_start_date_after: '2026-11-03',
    });
    expect(await db.dataSource.query('SELECT project_id FROM change_sets WHERE id = $1', [changeSet])).toEqual([
      { project_id: projectId },
    ]);
  });

  it('writes nothing and names the task when one row changed since it was read', async () => {
    const a = await task('C', '2026-11-02T08:00', '2026-11-02T12:00');
    const b = await task('D 已被他人修改', '2026-11-02T14:00', '2026-11-02T18:00');
    await db.dataSource.query('UPDATE tasks SET version = version + 1 WHERE id = $1', [b.id]);
    const to = { start: sh('2026-11-05T08:00').getTime(), finish: sh('2026-11-05T12:00').getTime() };
    await expect(
      db.dataSource.transaction((manager) =>
        writeMoves(manager, SYSTEM_ACTOR, 'Asia/Shanghai', [
          { task: a, to },
          { task: b, to },
        ]),
      ),
    ).rejects.toMatchObject({ response: { statusCode: 409, code: 'schedule_conflict', tasks: [{ id: b.id }] } });
    expect((await read(a.id)).plannedStart).toEqual(a.plannedStart);
    expect(await audits(a.id)).toBe(0);
  });

  it('stores an edited automatic task where its link holds it, and pushes its successor; a manual one stays', async () => {
    const p = await task('P', '2026-11-09T08:00', '2026-11-09T12:00');
    const s = await task('S', '2026-11-09T08:00', '2026-11-09T12:00', {
      constraintType: ConstraintType.StartNoEarlierThan,
      constraintAt: sh('2026-11-09T08:00'),
    });
    const m = await task('M', '2026-11-09T14:00', '2026-11-09T18:00', { schedulingMode: SchedulingMode.Manual });
    const manager = db.dataSource.manager;
    for (const [from, to] of [
      [p, s],
      [s, m],
    ]) {
      await manager.save(DependencyEntity, {
        projectId,
        predecessorId: from.id,
        successorId: to.id,
        type: DependencyType.FS,
        lagMinutes: 0,
      });
    }
    // S was put at P's start, before the link allows: the edit stores it after P.
    await db.dataSource.transaction((tx) => rescheduler.taskChanged(tx, SYSTEM_ACTOR, s));
    expect(await read(s.id)).toMatchObject({
      plannedStart: sh('2026-11-09T14:00'),
      plannedFinish: sh('2026-11-09T18:00'),
      version: s.version + 1,
    });
    expect(await read(m.id)).toMatchObject({ plannedStart: m.plannedStart, version: m.version });
  });

  it('follows an edit step by step, reading only the tasks right after what moved, until nothing more moves', async () => {
    // A → B → C → D; B starts a day after A ends (slack), C right after B, D after C.
    const a = await task('LA', '2026-11-16T08:00', '2026-11-16T12:00');
    const b = await task('LB', '2026-11-17T08:00', '2026-11-17T12:00');
    const c = await task('LC', '2026-11-17T14:00', '2026-11-17T18:00');
    const d = await task('LD', '2026-11-18T08:00', '2026-11-18T12:00');
    await chain([a, b, c, d]);
    const reads = readsOf();
    try {
      // A takes 2 hours longer: B's slack takes it up, nothing else is read or moved.
      const longerA = await longer(a, '2026-11-16T16:00');
      expect(await db.dataSource.transaction((tx) => rescheduler.taskChanged(tx, SYSTEM_ACTOR, longerA))).toEqual([]);
      expect(await scopes(reads)).toEqual([[a.id, b.id].sort()]);
      expect((await read(b.id)).version).toBe(b.version);

      // B takes 2 hours longer: C moves, then D, then nothing after D.
      reads.mockClear();
      const longerB = await longer(b, '2026-11-17T16:00');
      const pushed = await db.dataSource.transaction((tx) => rescheduler.taskChanged(tx, SYSTEM_ACTOR, longerB));
      expect(pushed.map((move) => move.task.title).sort()).toEqual(['LC', 'LD']);
      expect(await scopes(reads)).toEqual([[b.id, c.id].sort(), [c.id, d.id].sort(), [d.id]]);
      expect(await read(c.id)).toMatchObject({
        plannedStart: sh('2026-11-17T16:00'),
        plannedFinish: sh('2026-11-18T10:00'),
        version: c.version + 1,
      });
      expect(await read(d.id)).toMatchObject({ plannedStart: sh('2026-11-18T10:00'), version: d.version + 1 });
    } finally {
      reads.mockRestore();
    }
  });

  it('reads all that follows an edit at once when tasks still move after three steps', async () => {
    // Six tasks back to back over three days: each one's push moves the next.
    const times = [
      ['2026-11-23T08:00', '2026-11-23T12:00'],
      ['2026-11-23T14:00', '2026-11-23T18:00'],
      ['2026-11-24T08:00', '2026-11-24T12:00'],
      ['2026-11-24T14:00', '2026-11-24T18:00'],
      ['2026-11-25T08:00', '2026-11-25T12:00'],
      ['2026-11-25T14:00', '2026-11-25T18:00'],
    ];
    const tasks: TaskEntity[] = [];
    for (const [n, [start, finish]] of times.entries()) tasks.push(await task(`K${n}`, start, finish));
    await chain(tasks);
    const reads = readsOf();
    try {
      const first = await longer(tasks[0], '2026-11-23T16:00');
      const pushed = await db.dataSource.transaction((tx) => rescheduler.taskChanged(tx, SYSTEM_ACTOR, first));
      expect(pushed.map((move) => move.task.title).sort()).toEqual(['K1', 'K2', 'K3', 'K4', 'K5']);
      // Three steps, then everything downstream of the edit.
      const scoped = await scopes(reads);
      expect(scoped).toHaveLength(4);
      expect(scoped[3]).toEqual(tasks.map((t) => t.id).sort());
      // Two hours later each: the last one from 16:00 to 10:00 the next morning.
      expect(await read(tasks[5].id)).toMatchObject({
        plannedStart: sh('2026-11-25T16:00'),
        plannedFinish: sh('2026-11-26T10:00'),
      });
    } finally {
      reads.mockRestore();
    }
  });

  it('pushes what scheduling the whole project after the edit pushes (random plans, step by step or all at once)', async () => {
    let seed = 20261206;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
    const calendars = new ProjectCalendarService(db.dataSource);
    const networks = new ProjectNetworkService(db.dataSource, calendars);
    const { calendarId } = await db.dataSource.manager.findOneByOrFail(ProjectEntity, { id: projectId });
    const wrong: string[] = [];
    let moved = 0;
    // How each trial's push read the network: step by step only, or all downstream after three steps.
    const ways = { stepwise: 0, whole: 0 };
    const reads = readsOf();
    for (let trial = 0; trial < 24; trial++) {
      const project = await db.dataSource.manager.save(ProjectEntity, {
        code: `RANDOM-${trial}`,
        name: `随机 ${trial}`,
        timeZone: 'Asia/Shanghai',
        calendarId,
        startDate: '2026-11-02',
      });
      const ids: string[] = [];
      for (let n = 0; n < 30; n++) {
        const saved = await db.dataSource.manager.save(TaskEntity, {
          projectId: project.id,
          departmentId,
          title: `R${trial}-${n}`,
          plannedStart: sh('2026-11-02T08:00'),
          plannedFinish: sh('2026-11-02T12:00'),
          startDate: '2026-11-02',
          finishDate: '2026-11-02',
          durationMinutes: 60 * (1 + Math.floor(random() * 8)),
          status: TaskStatus.Planned,
          schedulingMode: random() < 0.15 ? SchedulingMode.Manual : SchedulingMode.Automatic,
        });
        ids.push(saved.id);
      }
      const pairs = new Set<string>();
      for (let l = 0; l < 45; l++) {
        const s = 1 + Math.floor(random() * 29);
        const p = Math.max(0, s - 1 - Math.floor(random() * 6));
        if (pairs.has(`${p}>${s}`)) continue;
        pairs.add(`${p}>${s}`);
        await db.dataSource.manager.save(DependencyEntity, {
          projectId: project.id,
          predecessorId: ids[p],
          successorId: ids[s],
          type: pick([DependencyType.FS, DependencyType.FS, DependencyType.SS, DependencyType.FF]),
          lagMinutes: pick([0, 0, 60, -60]),
        });
      }
      // The plan as the engine schedules it, stored: every link holds.
      const before = await networks.load(db.dataSource.manager, project.id);
      for (const t of scheduleNetwork(before, 'plan').result.tasks) {
        await db.dataSource.manager.update(
          TaskEntity,
          { id: t.id },
          {
            plannedStart: new Date(t.start),
            plannedFinish: new Date(t.finish),
            startDate: localDateIn(t.start, 'Asia/Shanghai'),
            finishDate: localDateIn(t.finish, 'Asia/Shanghai'),
          },
        );
      }
      // One automatic task some hours longer, then what the whole project scheduled says.
      // Picked by title: the network's order breaks ties by id, random at every run.
      const edited = pick(
        before.tasks
          .filter((t) => t.schedulingMode === SchedulingMode.Automatic)
          .sort((a, b) => a.title.localeCompare(b.title)),
      );
      await db.dataSource.manager.update(
        TaskEntity,
        { id: edited.id },
        { durationMinutes: edited.durationMinutes + 60 * (1 + Math.floor(random() * 12)) },
      );
      const whole = await networks.load(db.dataSource.manager, project.id);
      const expected = scheduleNetwork(whole, 'hold').byId;
      reads.mockClear();
      const moves = await db.dataSource.transaction(async (tx) =>
        rescheduler.taskChanged(tx, SYSTEM_ACTOR, await tx.findOneByOrFail(TaskEntity, { id: edited.id })),
      );
      moved += moves.length;
      if (moves.length > 1) ways[reads.mock.calls.length > 3 ? 'whole' : 'stepwise']++;
      for (const stored of (await networks.load(db.dataSource.manager, project.id)).tasks) {
        const want = stored.schedulingMode === SchedulingMode.Manual ? undefined : expected.get(stored.id);
        const start = want ? want.start : whole.tasks.find((t) => t.id === stored.id)?.plannedStart.getTime();
        if (stored.plannedStart.getTime() !== start) wrong.push(`trial ${trial} ${stored.title}`);
      }
    }
    expect(wrong).toEqual([]);
    reads.mockRestore();
    // The trials moved tasks, some found step by step, some after reading all downstream.
    expect(moved).toBeGreaterThan(24);
    expect(ways.stepwise).toBeGreaterThan(0);
    expect(ways.whole).toBeGreaterThan(0);
  });

  async function chain(tasks: TaskEntity[]) {
    for (let i = 1; i < tasks.length; i++) {
      await db.dataSource.manager.save(DependencyEntity, {
        projectId,
        predecessorId: tasks[i - 1].id,
        successorId: tasks[i].id,
        type: DependencyType.FS,
        lagMinutes: 0,
      });
    }
  }

  /** The task 2 hours longer (360 minutes, ending at `finish`), as an edit leaves it before the push. */
  async function longer(t: TaskEntity, finish: string) {
    await db.dataSource.manager.update(TaskEntity, { id: t.id }, { durationMinutes: 360, plannedFinish: sh(finish) });
    return read(t.id);
  }

  function readsOf() {
    const network = (rescheduler as unknown as { networks: ProjectNetworkService }).networks;
    return jest.spyOn(network, 'loadDownstream');
  }

  /** The tasks each read was for (the downstream it answered with), sorted. */
  async function scopes(reads: ReturnType<typeof readsOf>) {
    const answers = await Promise.all(
      reads.mock.results.map((result) => result.value as ReturnType<ProjectNetworkService['loadDownstream']>),
    );
    return answers.map((answer) => [...answer.downstream].sort());
  }
});
