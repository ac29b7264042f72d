import {
  CalendarEntity,
  DependencyEntity,
  DepartmentEntity,
  MakeReadyConstraintEntity,
  ProjectEntity,
  TaskEntity,
} from '@worksite/server-data-access';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { DepartmentKind, TaskStatus } from '@worksite/shared-domain';
import { agencyBlockRows } from './agency-block-rows';
import { constraintById, constraintsOfTasks, openConstraintsByTask } from './constraint-rows';
import { lookAheadRows, TaskQuery } from './look-ahead-rows';
import { readinessOfTasks } from './readiness';

/** The tasks of a project in LookAheadTaskDto's columns, as the api's scoped query selects them. */
const projectTasks = (projectId: string): TaskQuery => ({
  sql: `SELECT e.id, e.code, e.title AS name, e.planned_start AS "plannedStart", e.planned_finish AS "plannedFinish",
               e.department_id AS "departmentId", e.crew_id AS "crewId", e.location_id AS "locationId", e.status
          FROM tasks e WHERE e.project_id = $1 AND e.status NOT IN ('done', 'cancelled')`,
  parameters: [projectId],
});

/**
 * The make-ready queries against PostgreSQL, on a chain A (城建, done) → B (城建) → C (电力):
 * the DTO as the database writes it, readiness, the look-ahead's JSON and the upstream walk.
 */
describe('make-ready queries against PostgreSQL', () => {
  let db: TestDatabase;
  const ids = { project: '', a: '', b: '', c: '', civil: '', power: '' };
  let permit: MakeReadyConstraintEntity;

  beforeAll(async () => {
    db = await createTestDatabase();
    const m = db.dataSource.manager;
    const calendar = await m.save(CalendarEntity, { name: '日历', weeklyWindows: {} });
    ids.civil = (await m.save(DepartmentEntity, { kind: DepartmentKind.CityConstruction, name: '城建局' })).id;
    ids.power = (await m.save(DepartmentEntity, { kind: DepartmentKind.Power, name: '供电公司' })).id;
    ids.project = (
      await m.save(ProjectEntity, {
        code: 'MR',
        name: '开工条件',
        timeZone: 'Asia/Shanghai',
        calendarId: calendar.id,
        startDate: '2026-11-02',
      })
    ).id;
    const task = async (title: string, departmentId: string, day: number, status = TaskStatus.Planned) =>
      (
        await m.save(TaskEntity, {
          projectId: ids.project,
          departmentId,
          title,
          status,
          durationMinutes: 240,
          plannedStart: new Date(Date.UTC(2026, 10, day, 0)),
          plannedFinish: new Date(Date.UTC(2026, 10, day, 4)),
          startDate: `2026-11-${String(day).padStart(2, '0')}`,
          finishDate: `2026-11-${String(day).padStart(2, '0')}`,
        })
      ).id;
    ids.a = await task('旧管拆除', ids.civil, 2, TaskStatus.Done);
    ids.b = await task('管沟开挖', ids.civil, 3);
    ids.c = await task('电缆敷设', ids.power, 5);
    for (const [predecessorId, successorId] of [
      [ids.a, ids.b],
      [ids.b, ids.c],
    ]) {
      await m.save(DependencyEntity, { projectId: ids.project, predecessorId, successorId });
    }
    const constraint = (taskId: string, fields: Partial<MakeReadyConstraintEntity>) =>
      m.save(MakeReadyConstraintEntity, { projectId: ids.project, taskId, kind: 'other', ...fields });
    await constraint(ids.a, { description: '已完成任务上的条件' });
    permit = await constraint(ids.b, {
      kind: 'dig_permit',
      ownerDepartmentId: ids.civil,
      dueDate: '2026-11-02',
    });
    await constraint(ids.c, {
      kind: 'materials',
      status: 'cleared',
      clearedAt: new Date('2026-11-01T09:30:00.250Z'),
      clearedByName: '甄鸿波',
    });
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('reads a constraint as the api answers it (instants as toISOString, local dates, owner name)', async () => {
    const dto = await constraintById(db.dataSource, permit.id);
    expect(dto).toEqual({
      id: permit.id,
      projectId: ids.project,
      taskId: ids.b,
      kind: 'dig_permit',
      description: '',
      ownerDepartmentId: ids.civil,
      ownerUserId: null,
      ownerName: '城建局',
      dueDate: '2026-11-02',
      status: 'open',
      clearedAt: null,
      clearedByName: null,
      announcementId: null,
      version: 1,
      createdAt: permit.createdAt.toISOString(),
    });
    const [cleared] = await constraintsOfTasks(db.dataSource, [ids.c]);
    expect(cleared.clearedAt).toBe('2026-11-01T09:30:00.250Z');
    expect(await constraintsOfTasks(db.dataSource, [ids.c], { openOnly: true })).toEqual([]);
    expect([...(await openConstraintsByTask(db.dataSource, [ids.a, ids.b, ids.c])).keys()].sort()).toEqual(
      [ids.a, ids.b].sort(),
    );
    expect(await constraintById(db.dataSource, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('counts open constraints per task: the readiness', async () => {
    const readiness = await readinessOfTasks(db.dataSource, [ids.b, ids.c]);
    expect(readiness.get(ids.b)).toEqual({ taskId: ids.b, ready: false, openConstraints: 1, nextDue: '2026-11-02' });
    expect(readiness.get(ids.c)).toEqual({ taskId: ids.c, ready: true, openConstraints: 0, nextDue: null });
    expect(await readinessOfTasks(db.dataSource, [])).toEqual(new Map());
  });

  it('writes the look-ahead rows as JSON, by planned start, with the counts', async () => {
    const { rowsJson, ready, notReady } = await lookAheadRows(db.dataSource, projectTasks(ids.project));
    const rows = JSON.parse(rowsJson);
    expect({ ready, notReady }).toEqual({ ready: 1, notReady: 1 });
    expect(rows.map((row: { task: { id: string } }) => row.task.id)).toEqual([ids.b, ids.c]);
    expect(rows[0]).toEqual({
      task: {
        id: ids.b,
        code: expect.any(Number),
        name: '管沟开挖',
        plannedStart: '2026-11-03T00:00:00.000Z',
        plannedFinish: '2026-11-03T04:00:00.000Z',
        departmentId: ids.civil,
        crewId: null,
        locationId: null,
        status: 'planned',
      },
      ready: false,
      constraints: [await constraintById(db.dataSource, permit.id)],
    });
    const none = await lookAheadRows(db.dataSource, { ...projectTasks(ids.project), parameters: [ids.civil] });
    expect(none).toEqual({ rowsJson: '[]', ready: 0, notReady: 0 });
  });

  it('lists each open constraint once, with the tasks it holds back, walking upstream but not past done work', async () => {
    const rows = JSON.parse(await agencyBlockRows(db.dataSource, projectTasks(ids.project)));
    // B's permit holds back B and, downstream, C (C's own materials are cleared; A is done: not walked).
    const taskOf = (id: string, name: string, departmentId: string, day: number) =>
      expect.objectContaining({ id, name, departmentId, plannedStart: `2026-11-0${day}T00:00:00.000Z` });
    expect(rows).toEqual([
      {
        constraint: await constraintById(db.dataSource, permit.id),
        onTask: { id: ids.b, code: expect.any(Number), name: '管沟开挖', departmentId: ids.civil },
        tasks: [taskOf(ids.b, '管沟开挖', ids.civil, 3), taskOf(ids.c, '电缆敷设', ids.power, 5)],
      },
    ]);
    const onlyC = { ...projectTasks(ids.project), sql: `${projectTasks(ids.project).sql} AND e.department_id = $2` };
    const power = JSON.parse(await agencyBlockRows(db.dataSource, { ...onlyC, parameters: [ids.project, ids.power] }));
    expect(
      power.map((row: { constraint: { id: string }; tasks: { id: string }[] }) => [
        row.constraint.id,
        row.tasks.map((t) => t.id),
      ]),
    ).toEqual([[permit.id, [ids.c]]]);
  });
});
