import { DepartmentKind, LocationKind, ProjectScheduleDto, ScheduledTaskDto } from '@worksite/shared-domain';
import { ReferenceMaps } from '../lib/reference.types';

/** 2026-03-02 is a Monday; Shanghai is UTC+8 all year. */
export const at = (local: string) => new Date(`${local}:00+08:00`).toISOString();

export function taskFixture(id: string, overrides: Partial<ScheduledTaskDto> = {}): ScheduledTaskDto {
  const start = overrides.plannedStart ?? at('2026-03-02T08:00');
  const finish = overrides.plannedFinish ?? at('2026-03-02T12:00');
  return {
    id,
    version: 1,
    projectId: 'p1',
    code: 1,
    title: `Task ${id}`,
    content: '',
    departmentId: 'power',
    crewId: 'crew-power',
    locationId: 'b32',
    plannedStart: start,
    plannedFinish: finish,
    startDate: start.slice(0, 10),
    finishDate: finish.slice(0, 10),
    durationMinutes: 240,
    materials: [],
    tools: [],
    safetyNotes: '',
    status: 'planned',
    progress: 0,
    schedulingMode: 'automatic',
    constraintType: null,
    constraintAt: null,
    needsUtilities: [],
    interruptionKind: null,
    interruptionStartsAt: null,
    interruptionEndsAt: null,
    interruptionLocationIds: [],
    createdAt: start,
    updatedAt: start,
    earlyStart: start,
    earlyFinish: finish,
    lateStart: start,
    lateFinish: finish,
    totalFloatMinutes: 0,
    freeFloatMinutes: 0,
    critical: false,
    scheduledAs: 'automatic',
    ...overrides,
  };
}

/**
 * A small project on the default calendar (Mon–Fri 08–12, 14–18): power A (Mon morning) →
 * telecom B (Mon afternoon, FS), and C unlinked on Tuesday (manual).
 */
export function scheduleFixture(): ProjectScheduleDto {
  return {
    project: {
      id: 'p1',
      version: 1,
      code: 'HPXC-T',
      name: '测试项目',
      description: null,
      timeZone: 'Asia/Shanghai',
      calendarId: 'cal',
      startDate: '2026-03-02',
      endDate: null,
      coordinatorName: null,
      coordinatorPhone: null,
      notReadyPolicy: 'mark',
      createdAt: at('2026-03-01T00:00'),
      updatedAt: at('2026-03-01T00:00'),
    },
    calendar: {
      timeZone: 'Asia/Shanghai',
      weekly: {
        1: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
        2: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
        3: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
        4: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
        5: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
      },
      holidays: ['2026-03-06'],
      makeUpWorkdays: [],
      blackouts: [
        { start: Date.parse(at('2026-03-04T08:00')), end: Date.parse(at('2026-03-04T12:00')), label: '中考' },
      ],
    },
    tasks: [
      taskFixture('A', { code: 1, title: '电力入地', critical: true }),
      taskFixture('B', {
        code: 2,
        title: '移动迁改',
        departmentId: 'mobile',
        crewId: 'crew-mobile',
        plannedStart: at('2026-03-02T14:00'),
        plannedFinish: at('2026-03-02T18:00'),
        critical: true,
      }),
      taskFixture('C', {
        code: 3,
        title: '市容恢复',
        departmentId: 'city',
        crewId: null,
        locationId: null,
        schedulingMode: 'manual',
        scheduledAs: 'manual',
        plannedStart: at('2026-03-03T08:00'),
        plannedFinish: at('2026-03-03T12:00'),
      }),
    ],
    dependencies: [
      { id: 'l1', version: 1, projectId: 'p1', predecessorId: 'A', successorId: 'B', type: 'FS', lagMinutes: 0 },
    ],
    criticalPath: ['A', 'B'],
    violations: [],
    projectStart: at('2026-03-02T00:00'),
    projectFinish: at('2026-03-03T12:00'),
  };
}

export function refsFixture(): ReferenceMaps {
  return {
    departments: new Map([
      [
        'power',
        {
          id: 'power',
          kind: DepartmentKind.Power,
          name: '电力公司',
          color: '#f08c00',
          contactName: null,
          contactPhone: null,
        },
      ],
      [
        'mobile',
        {
          id: 'mobile',
          kind: DepartmentKind.Telecom,
          name: '中国移动',
          color: '#1c7ed6',
          contactName: null,
          contactPhone: null,
        },
      ],
      [
        'city',
        {
          id: 'city',
          kind: DepartmentKind.CityAppearance,
          name: '市容',
          color: '#2f9e44',
          contactName: null,
          contactPhone: null,
        },
      ],
    ]),
    crews: new Map([
      [
        'crew-power',
        {
          id: 'crew-power',
          name: '电力一班',
          contractorId: 'c1',
          departmentId: 'power',
          leaderName: '王建国',
          leaderPhone: '138',
        },
      ],
      [
        'crew-mobile',
        {
          id: 'crew-mobile',
          name: '移动一班',
          contractorId: 'c2',
          departmentId: 'mobile',
          leaderName: '李明',
          leaderPhone: null,
        },
      ],
    ]),
    locations: new Map([
      ['bj', { id: 'bj', kind: LocationKind.Compound, name: '八经小区', parentId: null }],
      ['b32', { id: 'b32', kind: LocationKind.Building, name: '32号楼', parentId: 'bj' }],
    ]),
  };
}
