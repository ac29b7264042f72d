import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ProjectEntity, TaskEntity, DependencyEntity } from '@worksite/server-data-access';
import { CalendarSpec, WorkingCalendar } from '@worksite/scheduling-engine';
import { advancedSchedule, plainColumns, ProjectNetwork, scheduleNetwork } from '@worksite/scheduling-data-access';
import { DependencyType, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { compactScheduleText } from '@worksite/schedule-wire';
import { DataSource } from 'typeorm';
import { dependencyDto, iso, scheduledTaskSources } from '../mapping/schedule-output';
import { encodeBody } from './schedule-body';

/** Tasks of the made-up project: enough for V8 to optimise every loop of the path. */
const WARMUP_TASKS = 3_000;
const HOUR_MS = 3_600_000;

/**
 * Before the api listens, runs the path of a first schedule once on a made-up project held in
 * memory (nothing is read or written): building the engine, its result, the rows of the answer,
 * the compact form's text (and the next revision's, made from it) and brotli. V8 compiles code
 * that ran before into optimised code, and the first schedule of a fresh api (a 10,000-task
 * project nobody computed yet) otherwise paid for running all of it unoptimised. Only the code is
 * warmed: no project's schedule is computed ahead of its request.
 */
@Injectable()
export class ScheduleWarmup implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduleWarmup.name);

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    const began = performance.now();
    try {
      warmSchedulePath(this.dataSource, WARMUP_TASKS);
      this.logger.log(`schedule code warmed in ${Math.round(performance.now() - began)} ms`);
    } catch (error) {
      // A warm-up that fails costs speed, never the start.
      this.logger.warn(`schedule code not warmed: ${(error as Error).message}`);
    }
  }
}

/** One made-up network of `count` tasks through the schedule's path; returns the compressed answer's size. */
export function warmSchedulePath(dataSource: DataSource, count: number): number {
  const network = madeUpNetwork(dataSource, count);
  const scheduled = scheduleNetwork(network);
  const sources = scheduledTaskSources(network.tasks, scheduled.byId, scheduled.scheduledAs);
  const source = {
    project: { id: network.project.id } as never,
    calendar: {} as never,
    tasks: sources,
    dependencies: network.links.map(dependencyDto),
    criticalPath: [...scheduled.result.criticalPath],
    violations: [],
    projectStart: iso(scheduled.result.projectStart),
    projectFinish: iso(scheduled.result.projectFinish),
  };
  const { json, columns } = compactScheduleText(source);
  const body = encodeBody(json, 'br');
  // And an edit going on from that engine and that text, as after a coordinator's save.
  const edited = network.tasks.map((task, i) =>
    i === 1 ? { ...task, version: task.version + 1, durationMinutes: task.durationMinutes + 60 } : task,
  );
  const advanced = advancedSchedule(scheduled, network, { ...network, tasks: edited });
  if (advanced) {
    const earlier = { tasks: network.tasks, sources };
    const tasks = scheduledTaskSources(edited, advanced.byId, advanced.scheduledAs, earlier);
    compactScheduleText({ ...source, tasks }, columns);
  }
  return body.body.length;
}

function madeUpNetwork(dataSource: DataSource, count: number): ProjectNetwork {
  const spec: CalendarSpec = {
    timeZone: 'Asia/Shanghai',
    weekly: Object.fromEntries(
      [1, 2, 3, 4, 5, 6].map((day) => [
        day,
        [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
      ]),
    ),
  };
  const start = Date.UTC(2026, 0, 5, 0);
  const project = Object.assign(new ProjectEntity(), {
    id: randomUUID(),
    version: 1,
    code: 'WARMUP',
    name: 'warm-up',
    description: null,
    timeZone: 'Asia/Shanghai',
    calendarId: randomUUID(),
    startDate: '2026-01-05',
    endDate: null,
    coordinatorName: null,
    coordinatorPhone: null,
    createdAt: new Date(start),
    updatedAt: new Date(start),
  });
  const ids = Array.from({ length: count }, () => randomUUID());
  const taskRows = plainColumns(dataSource.manager, TaskEntity);
  const tasks = ids.map((id, i) => taskRows.read(madeUpRow(taskRows.properties, taskValues(id, i, project.id, start))));
  const linkRows = plainColumns(dataSource.manager, DependencyEntity);
  const links = ids.slice(1).map((id, i) =>
    linkRows.read(
      madeUpRow(linkRows.properties, {
        id: randomUUID(),
        version: 1,
        projectId: project.id,
        predecessorId: ids[i % 100 === 99 ? Math.max(0, i - 150) : i],
        successorId: id,
        type: i % 5 === 4 ? DependencyType.SS : DependencyType.FS,
        lagMinutes: i % 7 === 0 ? 60 : 0,
        createdAt: start,
        updatedAt: start,
      }),
    ),
  );
  return { project, spec, calendar: WorkingCalendar.compile(spec), tasks, links };
}

function taskValues(id: string, i: number, projectId: string, start: number): Record<string, unknown> {
  const plannedStart = start + (i % 400) * 6 * HOUR_MS;
  return {
    id,
    version: 1,
    projectId,
    code: i + 1,
    title: `任务 ${i + 1}`,
    externalCode: null,
    content: '',
    departmentId: `d${i % 7}`,
    crewId: i % 3 ? `c${i % 11}` : null,
    locationId: `l${i % 26}`,
    plannedStart,
    plannedFinish: plannedStart + 2 * HOUR_MS,
    startDate: '2026-01-05',
    finishDate: '2026-01-05',
    durationMinutes: 60 * (1 + (i % 8)),
    materials: [],
    tools: [],
    safetyNotes: '',
    status: i % 50 === 0 ? TaskStatus.InProgress : TaskStatus.Planned,
    progress: 0,
    schedulingMode: i % 97 === 0 ? SchedulingMode.Manual : SchedulingMode.Automatic,
    constraintType: null,
    constraintAt: null,
    needsUtilities: [],
    interruptionKind: null,
    interruptionStartsAt: null,
    interruptionEndsAt: null,
    interruptionLocationIds: [],
    createdAt: start,
    updatedAt: start,
  };
}

/** A result row as the database would give it (c0, c1, …), null for a column the warm-up does not fill. */
function madeUpRow(properties: readonly string[], values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(properties.map((property, i) => [`c${i}`, values[property] ?? null]));
}
