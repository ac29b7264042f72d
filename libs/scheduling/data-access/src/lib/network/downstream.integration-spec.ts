import {
  CalendarEntity,
  CalendarExceptionEntity,
  DependencyEntity,
  DepartmentEntity,
  ProjectEntity,
  TaskEntity,
} from '@worksite/server-data-access';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { CalendarExceptionKind, DepartmentKind, DependencyType } from '@worksite/shared-domain';
import { ProjectCalendarService } from '../calendar/project-calendar.service';
import { downstreamIds } from './downstream';

const DAY = [{ start: '08:00', end: '17:00' }];

describe('an edit reads what follows it and its calendar (PostgreSQL)', () => {
  let db: TestDatabase;
  let project: ProjectEntity;
  let tasks: TaskEntity[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const manager = db.dataSource.manager;
    const calendar = await manager.save(CalendarEntity, {
      name: '下游日历',
      weeklyWindows: { 1: DAY, 2: DAY, 3: DAY, 4: DAY, 5: DAY },
    });
    const department = await manager.save(DepartmentEntity, { kind: DepartmentKind.Gas, name: '燃气公司' });
    project = await manager.save(ProjectEntity, {
      code: 'DOWN',
      name: '下游',
      timeZone: 'Asia/Shanghai',
      calendarId: calendar.id,
      startDate: '2026-11-02',
    });
    tasks = [];
    for (let i = 0; i < 14; i++) {
      tasks.push(
        await manager.save(TaskEntity, {
          projectId: project.id,
          departmentId: department.id,
          title: `工序 ${i}`,
          plannedStart: new Date('2026-11-02T00:00:00Z'),
          plannedFinish: new Date('2026-11-02T01:00:00Z'),
          startDate: '2026-11-02',
          finishDate: '2026-11-02',
          durationMinutes: 60,
        }),
      );
    }
    // A chain 0 → 1 → … → 11, longer than the walk's indexed steps, a branch 5 → 12, and a
    // stored cycle 11 → 3 (the walk must end anyway); task 13 is not linked.
    const pairs = [...Array.from({ length: 11 }, (_, i) => [i, i + 1]), [5, 12], [11, 3]];
    for (const [from, to] of pairs) {
      await manager.save(DependencyEntity, {
        projectId: project.id,
        predecessorId: tasks[from].id,
        successorId: tasks[to].id,
        type: DependencyType.FS,
        lagMinutes: 0,
      });
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('walks the whole downstream past the indexed steps, through a stored cycle, and nothing else', async () => {
    const reached = await downstreamIds(db.dataSource.manager, [tasks[2].id]);
    expect([...reached].sort()).toEqual(
      tasks
        .slice(2, 13)
        .map((task) => task.id)
        .sort(),
    );
    expect(await downstreamIds(db.dataSource.manager, [tasks[13].id])).toEqual(new Set([tasks[13].id]));
  });

  it('compiles the calendar once while it is unchanged, and anew when an exception is added', async () => {
    const calendars = new ProjectCalendarService(db.dataSource);
    const first = await calendars.forProject(project.id);
    expect((await calendars.forProject(project.id)).calendar).toBe(first.calendar);
    // Friday 2026-11-06 becomes a holiday: the next read compiles a calendar that knows it.
    const friday = new Date('2026-11-06T02:00:00Z').getTime();
    expect(first.calendar.isWorking(friday)).toBe(true);
    await db.dataSource.manager.save(CalendarExceptionEntity, {
      calendarId: project.calendarId,
      date: '2026-11-06',
      kind: CalendarExceptionKind.Holiday,
      name: '停工日',
    });
    const after = await calendars.forProject(project.id);
    expect(after.calendar).not.toBe(first.calendar);
    expect(after.spec.holidays).toEqual(['2026-11-06']);
    expect(after.calendar.isWorking(friday)).toBe(false);
  });
});
