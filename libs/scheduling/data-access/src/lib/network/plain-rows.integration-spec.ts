import {
  CalendarEntity,
  DependencyEntity,
  DepartmentEntity,
  ProjectEntity,
  TaskEntity,
} from '@worksite/server-data-access';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { ConstraintType, DepartmentKind, DependencyType, InterruptionKind, TaskStatus } from '@worksite/shared-domain';
import { plainRows } from './plain-rows';

describe('plainRows against PostgreSQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('reads tasks and links exactly as TypeORM find does (dates, enums, arrays, json, nulls)', async () => {
    const manager = db.dataSource.manager;
    const calendar = await manager.save(CalendarEntity, { name: '日历', weeklyWindows: {} });
    const department = await manager.save(DepartmentEntity, { kind: DepartmentKind.Water, name: '自来水公司' });
    const project = await manager.save(ProjectEntity, {
      code: 'PLAIN',
      name: '行读取',
      timeZone: 'Asia/Shanghai',
      calendarId: calendar.id,
      startDate: '2026-11-02',
    });
    const common = { projectId: project.id, departmentId: department.id, durationMinutes: 240 };
    const a = await manager.save(TaskEntity, {
      ...common,
      title: '停水改管',
      plannedStart: new Date('2026-11-02T00:00:00.123Z'),
      plannedFinish: new Date('2026-11-02T04:00:00Z'),
      startDate: '2026-11-02',
      finishDate: '2026-11-02',
      status: TaskStatus.InProgress,
      materials: [{ name: '水管', quantity: 3, unit: '根' }],
      tools: ['扳手', '切管机'],
      constraintType: ConstraintType.StartNoEarlierThan,
      constraintAt: new Date('2026-11-02T00:00:00Z'),
      needsUtilities: [InterruptionKind.Water, InterruptionKind.Power],
      interruptionKind: InterruptionKind.Water,
      interruptionStartsAt: new Date('2026-11-02T01:00:00Z'),
      interruptionEndsAt: new Date('2026-11-02T03:00:00Z'),
      interruptionLocationIds: ['6f1c2a8e-0d7e-4f59-9d43-3b1f1c0f6a10'],
    });
    const b = await manager.save(TaskEntity, {
      ...common,
      title: '恢复路面',
      plannedStart: new Date('2026-11-03T00:00:00Z'),
      plannedFinish: new Date('2026-11-03T04:00:00Z'),
      startDate: '2026-11-03',
      finishDate: '2026-11-03',
    });
    await manager.save(DependencyEntity, {
      projectId: project.id,
      predecessorId: a.id,
      successorId: b.id,
      type: DependencyType.SS,
      lagMinutes: -30,
    });
    // now() keeps microseconds: both readers truncate them to milliseconds alike.
    await manager.query(`UPDATE tasks SET updated_at = now() + interval '0.000777 second' WHERE id = $1`, [b.id]);

    const expectedTasks = await manager.find(TaskEntity, {
      where: { projectId: project.id },
      order: { plannedStart: 'ASC', id: 'ASC' },
    });
    const tasks = await plainRows(manager, TaskEntity, 'project_id = $1', [project.id], 'planned_start, id');
    expect(tasks).toEqual(expectedTasks.map((task) => ({ ...task })));
    expect(tasks[0].plannedStart).toBeInstanceOf(Date);
    expect(tasks[0].needsUtilities).toEqual([InterruptionKind.Water, InterruptionKind.Power]);
    // Some properties only: those, as the whole row has them, and nothing else.
    const fields = ['id', 'plannedStart', 'startDate', 'constraintType'] as const;
    const some = await plainRows(manager, TaskEntity, 'project_id = $1', [project.id], 'planned_start, id', fields);
    expect(some).toEqual(expectedTasks.map((task) => Object.fromEntries(fields.map((field) => [field, task[field]]))));

    const expectedLinks = await manager.find(DependencyEntity, { where: { projectId: project.id } });
    const links = await plainRows(manager, DependencyEntity, 'project_id = $1', [project.id], 'created_at, id');
    expect(links).toEqual(expectedLinks.map((link) => ({ ...link })));
  });
});
