import { CalendarSpec, ScheduledTask, SchedulingEngine, WorkingCalendar } from '@worksite/scheduling-engine';
import {
  ConstraintType,
  DependencyType,
  ProjectScheduleDto,
  SchedulingMode,
  TaskStatus,
} from '@worksite/shared-domain';
import { linkRow, projectRow, taskRow } from '../../testing/rows';
import {
  calendarSpecDto,
  dependencyDto,
  iso,
  projectDto,
  scheduledTaskDto,
  taskMoveDto,
  violationDto,
} from './schedule-output';
import { scheduleNetwork } from '@worksite/scheduling-data-access';

const at = (local: string) => Date.parse(`${local}+08:00`);
const date = (local: string) => new Date(at(local));

const SPEC: CalendarSpec = {
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
    6: [{ start: '08:00', end: '12:00' }],
  },
  holidays: ['2026-11-03'],
  makeUpWorkdays: [{ date: '2026-11-05', windows: [{ start: '09:00', end: '11:00' }] }, '2026-11-06'],
  blackouts: [{ label: '考试', start: at('2026-11-09T08:00'), end: at('2026-11-09T12:00') }],
};

describe('API shapes from the schedule', () => {
  it('writes the calendar out as JSON the engine compiles to the same working time', () => {
    const dto = calendarSpecDto(SPEC);
    expect(dto.weekly[6]).toEqual([{ start: '08:00', end: '12:00' }]);
    expect(dto.weekly[7]).toBeUndefined();
    expect(dto.makeUpWorkdays).toEqual(['2026-11-05', '2026-11-06']);
    const original = WorkingCalendar.compile({ ...SPEC, makeUpWorkdays: ['2026-11-05', '2026-11-06'] });
    const again = WorkingCalendar.compile(JSON.parse(JSON.stringify(dto)));
    const range = [at('2026-11-01T00:00'), at('2026-11-20T00:00')] as const;
    expect(again.workingIntervals(...range)).toEqual(original.workingIntervals(...range));
    expect(again.blackoutsIn(...range)).toEqual(original.blackoutsIn(...range));
  });

  it('writes out the default week when the spec relies on it', () => {
    const dto = calendarSpecDto({});
    expect(Object.keys(dto.weekly)).toEqual(['1', '2', '3', '4', '5']);
    expect(dto.timeZone).toBe('Asia/Shanghai');
  });

  it('shows a task left out of the network at its planned dates, without float', () => {
    const task = taskRow({ id: 'x', status: TaskStatus.Cancelled });
    expect(scheduledTaskDto(task, undefined, 'excluded')).toMatchObject({
      id: 'x',
      plannedStart: '2026-11-02T00:00:00.000Z',
      earlyStart: '2026-11-02T00:00:00.000Z',
      lateFinish: '2026-11-02T04:00:00.000Z',
      totalFloatMinutes: 0,
      freeFloatMinutes: 0,
      critical: false,
      scheduledAs: 'excluded',
    });
  });

  it('words violations and keeps their numbers', () => {
    expect(
      violationDto({
        kind: 'dependency',
        taskId: 'm',
        linkId: 'l',
        predecessorId: 'a',
        type: DependencyType.FS,
        lag: 60,
        actual: at('2026-11-02T08:00'),
        required: at('2026-11-02T15:00'),
        byMinutes: 300,
      }),
    ).toEqual({
      taskId: 'm',
      kind: 'dependency',
      message:
        'Breaks its FS dependency (lag 60 min) by 300 working minutes: it is pinned before its predecessor allows.',
      actual: '2026-11-02T00:00:00.000Z',
      required: '2026-11-02T07:00:00.000Z',
      byMinutes: 300,
      dependencyId: 'l',
      predecessorId: 'a',
    });
    expect(
      violationDto({
        kind: 'constraint',
        taskId: 'm',
        constraint: { type: ConstraintType.FinishNoLaterThan, at: at('2026-11-02T12:00') },
        actual: at('2026-11-02T18:00'),
        required: at('2026-11-02T12:00'),
        byMinutes: 240,
      }),
    ).toMatchObject({ message: 'Misses its finish_no_later_than constraint by 240 working minutes.', byMinutes: 240 });
  });

  it('reports moves with titles and ISO instants', () => {
    expect(taskMoveDto({ id: 't', from: { start: 0, finish: 60_000 }, to: null }, '电缆敷设')).toEqual({
      taskId: 't',
      title: '电缆敷设',
      from: { start: '1970-01-01T00:00:00.000Z', finish: '1970-01-01T00:01:00.000Z' },
      to: null,
    });
  });

  /**
   * The web app rebuilds the engine from GET schedule while a bar is dragged. Rebuilding it
   * from the payload, following the documented rules, must give the server's dates exactly.
   */
  it('round-trips: the schedule payload rebuilds the same engine in the browser', () => {
    const project = projectRow();
    const tasks = [
      taskRow({ id: 'A', durationMinutes: 240 }),
      taskRow({
        id: 'B',
        durationMinutes: 600,
        constraintType: ConstraintType.StartNoEarlierThan,
        constraintAt: date('2026-11-04T10:00'),
      }),
      taskRow({ id: 'C', durationMinutes: 120 }),
      taskRow({ id: 'X', status: TaskStatus.Cancelled }),
      taskRow({
        id: 'M',
        schedulingMode: SchedulingMode.Manual,
        plannedStart: date('2026-11-02T14:00'),
        plannedFinish: date('2026-11-02T18:00'),
      }),
      taskRow({
        id: 'D',
        status: TaskStatus.InProgress,
        plannedStart: date('2026-11-02T09:00'),
        plannedFinish: date('2026-11-02T11:00'),
      }),
    ];
    const links = [
      linkRow('AB', 'A', 'B', DependencyType.SS, 60),
      linkRow('BC', 'B', 'C', DependencyType.FF, -30),
      linkRow('AX', 'A', 'X'),
      linkRow('XM', 'X', 'M'),
      linkRow('CM', 'C', 'M', DependencyType.SF, 30),
      linkRow('DA', 'D', 'A'),
    ];
    // As ProjectCalendarService builds it: make-up days are dates (the database has no windows of their own).
    const spec = { ...SPEC, makeUpWorkdays: ['2026-11-05', '2026-11-06'] };
    const network = { project, spec, calendar: WorkingCalendar.compile(spec), tasks, links };
    const server = scheduleNetwork(network);
    const payload: Pick<ProjectScheduleDto, 'calendar' | 'tasks' | 'dependencies' | 'projectStart' | 'project'> =
      JSON.parse(
        JSON.stringify({
          project: projectDto(project),
          calendar: calendarSpecDto(SPEC),
          tasks: tasks.map((t) =>
            scheduledTaskDto(t, server.byId.get(t.id), server.scheduledAs.get(t.id) ?? 'excluded'),
          ),
          dependencies: links.map(dependencyDto),
          projectStart: iso(server.result.projectStart),
        }),
      );

    // What the web app does with the payload (README, "Scheduling in the browser").
    const included = new Set(payload.tasks.filter((t) => t.scheduledAs !== 'excluded').map((t) => t.id));
    const browser = SchedulingEngine.create(
      {
        start: Date.parse(payload.projectStart),
        tasks: payload.tasks
          .filter((t) => included.has(t.id))
          .map((t) => ({
            id: t.id,
            duration: t.durationMinutes,
            mode: t.scheduledAs as SchedulingMode,
            constraint: t.constraintType
              ? { type: t.constraintType as ConstraintType, at: Date.parse(t.constraintAt as string) }
              : null,
            start: Date.parse(t.plannedStart),
            finish: Date.parse(t.plannedFinish),
          })),
        links: payload.dependencies
          .filter((d) => included.has(d.predecessorId) && included.has(d.successorId))
          .map((d) => ({
            id: d.id,
            predecessorId: d.predecessorId,
            successorId: d.successorId,
            type: d.type as DependencyType,
            lag: d.lagMinutes,
          })),
      },
      payload.calendar as CalendarSpec,
    );
    if (!browser.ok) throw new Error(browser.error.kind);
    expect(browser.engine.result()).toEqual(server.result);
    for (const t of payload.tasks.filter((task) => included.has(task.id))) {
      const computed = browser.engine.task(t.id) as ScheduledTask;
      expect([iso(computed.start), iso(computed.finish), computed.totalFloat]).toEqual([
        t.earlyStart,
        t.earlyFinish,
        t.totalFloatMinutes,
      ]);
    }
    // The rules are visible in the payload: the in-progress task is pinned, the cancelled one left out.
    expect(payload.tasks.find((t) => t.id === 'D')?.scheduledAs).toBe('manual');
    expect(payload.tasks.find((t) => t.id === 'X')?.scheduledAs).toBe('excluded');
    expect(server.result.violations.map((v) => [v.taskId, v.kind])).toEqual([['M', 'dependency']]);
  });
});
