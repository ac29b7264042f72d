import { runInChangeSet } from '@worksite/api-core';
import { SYSTEM_ACTOR } from '@worksite/auth-access';
import {
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
    await db.dataSource.transaction((manager) =>
      writeMoves(manager, SYSTEM_ACTOR, 'Asia/Shanghai', [
        { task: a, to: { start: sh('2026-11-03T08:00').getTime(), finish: sh('2026-11-03T12:00').getTime() } },
        { task: b, to: { start: sh('2026-11-03T23:00').getTime(), finish: sh('2026-11-04T01:00').getTime() } },
      ]),
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
    const rows = await db.dataSource.query(
      `SELECT entity_id, action, entity, project_id, actor_id, actor_name, change_set_id, row_version, changes
         FROM audit_entries WHERE change_set_id = $1 ORDER BY changes->'plannedStart'->>'after'`,
      [changeSet],
    );
    const common = {
      action: 'update',
      entity: 'task',
      project_id: projectId,
      actor_id: null,
      actor_name: SYSTEM_ACTOR.name,
      change_set_id: changeSet,
    };
    expect(rows).toEqual([
      {
        ...common,
        entity_id: a.id,
        row_version: a.version + 1,
        // The start date stays the 2nd: only what changed is recorded.
        changes: {
          plannedStart: { before: '2026-11-02T00:00:00.000Z', after: '2026-11-02T01:00:00.000Z' },
          plannedFinish: { before: '2026-11-02T04:00:00.000Z', after: '2026-11-02T06:00:00.000Z' },
        },
      },
      {
        ...common,
        entity_id: b.id,
        row_version: b.version + 1,
        changes: {
          plannedStart: { before: '2026-11-02T06:00:00.000Z', after: '2026-11-03T06:00:00.000Z' },
          plannedFinish: { before: '2026-11-02T10:00:00.000Z', after: '2026-11-03T10:00:00.000Z' },
          startDate: { before: '2026-11-02', after: '2026-11-03' },
          finishDate: { before: '2026-11-02', after: '2026-11-03' },
        },
      },
    ]);
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

  async function link(from: TaskEntity, to: TaskEntity) {
    await db.dataSource.manager.save(DependencyEntity, {
      projectId,
      predecessorId: from.id,
      successorId: to.id,
      type: DependencyType.FS,
      lagMinutes: 0,
    });
  }

  it('reads only the tasks right after an edit when none of them moves, and all that follows when one does', async () => {
    // A → B → C → D; B starts a day after A ends (slack), C right after B, D after C.
    const a = await task('LA', '2026-11-16T08:00', '2026-11-16T12:00');
    const b = await task('LB', '2026-11-17T08:00', '2026-11-17T12:00');
    const c = await task('LC', '2026-11-17T14:00', '2026-11-17T18:00');
    const d = await task('LD', '2026-11-18T08:00', '2026-11-18T12:00');
    for (const [from, to] of [
      [a, b],
      [b, c],
      [c, d],
    ]) {
      await link(from, to);
    }
    const network = (rescheduler as unknown as { networks: ProjectNetworkService }).networks;
    const reads = jest.spyOn(network, 'loadDownstream');
    try {
      // A takes 2 hours longer: B's slack takes it up, nothing else is read or moved.
      await db.dataSource.manager.update(
        TaskEntity,
        { id: a.id },
        { durationMinutes: 360, plannedFinish: sh('2026-11-16T16:00') },
      );
      const longerA = await read(a.id);
      const quiet = await db.dataSource.transaction((tx) => rescheduler.taskChanged(tx, SYSTEM_ACTOR, longerA));
      expect(quiet).toEqual([]);
      expect(reads.mock.calls.map((call) => [...(call[3]?.downstream ?? [])].sort())).toEqual([[a.id, b.id].sort()]);
      expect((await read(b.id)).version).toBe(b.version);

      // B takes 2 hours longer: C moves, so all after B is read and D moves too.
      reads.mockClear();
      await db.dataSource.manager.update(
        TaskEntity,
        { id: b.id },
        { durationMinutes: 360, plannedFinish: sh('2026-11-17T16:00') },
      );
      const longerB = await read(b.id);
      const pushed = await db.dataSource.transaction((tx) => rescheduler.taskChanged(tx, SYSTEM_ACTOR, longerB));
      expect(pushed.map((move) => move.task.title).sort()).toEqual(['LC', 'LD']);
      expect(reads).toHaveBeenCalledTimes(2);
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
});
