import { DependencyEntity, ProjectEntity, TaskEntity } from '@worksite/server-data-access';
import { DependencyType, SchedulingMode, TaskStatus } from '@worksite/shared-domain';

/** A stored task row for unit tests (only the columns the mappers read matter). */
export function taskRow(fields: Partial<TaskEntity> & { id: string }): TaskEntity {
  const created = new Date('2026-10-01T00:00:00Z');
  return {
    version: 1,
    projectId: 'project',
    code: 1,
    title: `任务 ${fields.id}`,
    content: '',
    departmentId: 'power',
    crewId: null,
    locationId: null,
    plannedStart: new Date('2026-11-02T00:00:00Z'),
    plannedFinish: new Date('2026-11-02T04:00:00Z'),
    startDate: '2026-11-02',
    finishDate: '2026-11-02',
    durationMinutes: 240,
    materials: [],
    tools: [],
    safetyNotes: '',
    status: TaskStatus.Planned,
    progress: 0,
    schedulingMode: SchedulingMode.Automatic,
    constraintType: null,
    constraintAt: null,
    needsUtilities: [],
    interruptionKind: null,
    interruptionStartsAt: null,
    interruptionEndsAt: null,
    interruptionLocationIds: [],
    createdAt: created,
    updatedAt: created,
    ...fields,
  } as TaskEntity;
}

/** A stored dependency row for unit tests. */
export function linkRow(
  id: string,
  predecessorId: string,
  successorId: string,
  type = DependencyType.FS,
  lagMinutes = 0,
): DependencyEntity {
  return { id, version: 1, projectId: 'project', predecessorId, successorId, type, lagMinutes } as DependencyEntity;
}

/** A stored project row for unit tests: starts Monday 2026-11-02 in Shanghai. */
export function projectRow(fields: Partial<ProjectEntity> = {}): ProjectEntity {
  const created = new Date('2026-10-01T00:00:00Z');
  return {
    id: 'project',
    version: 1,
    code: 'HPXC-TEST',
    name: '测试项目',
    description: null,
    timeZone: 'Asia/Shanghai',
    calendarId: 'calendar',
    startDate: '2026-11-02',
    endDate: null,
    coordinatorName: null,
    coordinatorPhone: null,
    notReadyPolicy: 'mark',
    createdAt: created,
    updatedAt: created,
    ...fields,
  } as ProjectEntity;
}
