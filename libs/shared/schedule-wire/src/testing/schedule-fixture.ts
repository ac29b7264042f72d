import type { ProjectScheduleDto, ScheduledTaskDto } from '@worksite/shared-domain';

// A made-up project's schedule for the wire format's specs: every field, nulls and arrays.
export const PROJECT = {
  id: 'p-1',
  version: 3,
  code: 'P1',
  name: '光纤入户',
  description: null,
  timeZone: 'Asia/Shanghai',
  calendarId: 'c-1',
  startDate: '2026-12-01',
  endDate: null,
  coordinatorName: '王工',
  coordinatorPhone: null,
  notReadyPolicy: 'mark' as const,
  createdAt: '2026-11-30T01:02:03.456Z',
  updatedAt: '2026-12-01T01:02:03.789Z',
};

export const iso = (ms: number) => new Date(ms).toISOString();
export const BASE = Date.parse('2026-12-01T00:00:00.000Z');

export function task(i: number, overrides: Partial<ScheduledTaskDto> = {}): ScheduledTaskDto {
  const start = BASE + i * 3_600_000;
  return {
    id: `t-${i}`,
    version: 1 + (i % 3),
    projectId: PROJECT.id,
    code: i + 1,
    title: `任务 ${i}`,
    content: i % 2 ? '' : '敷设电缆',
    departmentId: `d-${i % 4}`,
    crewId: i % 5 ? `c-${i % 3}` : null,
    locationId: i % 7 ? `l-${i % 6}` : null,
    plannedStart: iso(start),
    plannedFinish: iso(start + 28_800_000),
    startDate: '2026-12-01',
    finishDate: '2026-12-02',
    durationMinutes: 480,
    materials: i % 3 ? [] : [{ name: '光缆', quantity: 20, unit: 'm' }],
    tools: i % 2 ? ['熔接机'] : [],
    safetyNotes: '',
    status: i % 4 ? 'planned' : 'in_progress',
    progress: (i * 7) % 100,
    schedulingMode: i % 9 ? 'automatic' : 'manual',
    constraintType: i % 6 ? null : 'SNET',
    constraintAt: i % 6 ? null : iso(start),
    needsUtilities: i % 8 ? [] : ['water'],
    interruptionKind: i % 8 ? null : 'water',
    interruptionStartsAt: i % 8 ? null : iso(start + 1_234),
    interruptionEndsAt: i % 8 ? null : iso(start + 7_200_000),
    interruptionLocationIds: i % 8 ? [] : ['l-1', 'l-2'],
    // Written by now(): milliseconds, not whole minutes.
    createdAt: iso(BASE - 86_400_000 + i * 1_001),
    updatedAt: iso(BASE - 86_400_000 + i * 1_001 + 37),
    earlyStart: iso(start),
    earlyFinish: iso(start + 28_800_000),
    lateStart: iso(start + (i % 3) * 60_000),
    lateFinish: iso(start + 28_800_000 + (i % 3) * 60_000),
    totalFloatMinutes: i % 3,
    freeFloatMinutes: 0,
    critical: i % 3 === 0,
    scheduledAs: i % 9 ? 'automatic' : 'manual',
    ...overrides,
  };
}

export function schedule(count: number): ProjectScheduleDto {
  const tasks = Array.from({ length: count }, (_, i) => task(i));
  return {
    project: PROJECT,
    calendar: {
      timeZone: 'Asia/Shanghai',
      weekly: { 1: [{ start: '08:00', end: '12:00' }] },
      holidays: ['2027-01-01'],
      makeUpWorkdays: [],
      blackouts: [{ start: BASE, end: BASE + 3_600_000, label: '考试' }],
    },
    tasks,
    dependencies: tasks.slice(1).map((t, i) => ({
      id: `k-${i}`,
      version: 1,
      projectId: PROJECT.id,
      predecessorId: tasks[Math.floor(i / 2)].id,
      successorId: t.id,
      type: i % 4 ? 'FS' : 'SS',
      lagMinutes: (i % 3) * 60 - 60,
    })),
    criticalPath: tasks.filter((t) => t.critical).map((t) => t.id),
    violations: [
      {
        taskId: tasks[count - 1].id,
        kind: 'dependency',
        message: 'Breaks its FS dependency',
        actual: tasks[count - 1].plannedStart,
        required: tasks[count - 1].plannedFinish,
        byMinutes: 60,
        dependencyId: 'k-0',
        predecessorId: tasks[0].id,
      },
    ],
    projectStart: iso(BASE),
    projectFinish: iso(BASE + count * 3_600_000),
  };
}
