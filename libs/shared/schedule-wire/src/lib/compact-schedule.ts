import type {
  CalendarSpecDto,
  DependencyDto,
  ProjectDto,
  ProjectScheduleDto,
  ScheduledTaskDto,
  ScheduleViolationDto,
} from '@worksite/shared-domain';
import {
  Column,
  decodeDict,
  decodeInstants,
  DictColumn,
  encodeDict,
  encodeInstants,
  epochMs,
  InstantColumn,
} from './columns';

/** The media type a client puts in Accept to be answered in the compact form (the answer carries it too). */
export const COMPACT_SCHEDULE_MEDIA_TYPE = 'application/vnd.worksite.schedule-compact+json';

/** The format's name and version, in every compact schedule (a reader refuses others). */
export const SCHEDULE_WIRE_FORMAT = 'worksite.schedule.compact/1';

/**
 * GET /api/projects/:id/schedule?form=compact (or Accept: COMPACT_SCHEDULE_MEDIA_TYPE): the same schedule as ProjectScheduleDto, in
 * columns (one array per field, rows by index), repeated values as dictionaries, instants
 * as minute steps, tasks referred to by their index (links, critical path). About a tenth of
 * the JSON before compression; decodeSchedule gives back the ProjectScheduleDto exactly.
 */
export interface CompactSchedule {
  format: typeof SCHEDULE_WIRE_FORMAT;
  project: ProjectDto;
  calendar: CalendarSpecDto;
  projectStart: string;
  projectFinish: string;
  tasks: { count: number; columns: Record<string, Column> };
  links: { count: number; columns: Record<string, Column> };
  /** Indexes of the critical tasks, in the order of the critical path. */
  criticalPath: number[];
  violations: ScheduleViolationDto[];
}

/** How one field is written: as is, by dictionary, as an instant step, a task index, or not at all (the project's id). */
export type Codec =
  | { kind: 'plain' }
  | { kind: 'dict' }
  | { kind: 'flag' }
  | { kind: 'instant'; from?: string }
  | { kind: 'task' }
  | { kind: 'project' };

const plain: Codec = { kind: 'plain' };
const dict: Codec = { kind: 'dict' };
const instant = (from?: string): Codec => ({ kind: 'instant', from });

/**
 * Every field of a scheduled task (the Record type makes a new field of the DTO a compile
 * error here until it is given a codec). An instant refers only to fields listed before it.
 */
export const TASK_FIELDS: Record<keyof ScheduledTaskDto, Codec> = {
  id: plain,
  version: plain,
  projectId: { kind: 'project' },
  code: plain,
  title: plain,
  content: plain,
  departmentId: dict,
  crewId: dict,
  locationId: dict,
  plannedStart: instant(),
  plannedFinish: instant('plannedStart'),
  startDate: dict,
  finishDate: dict,
  durationMinutes: plain,
  materials: plain,
  tools: plain,
  safetyNotes: plain,
  status: dict,
  progress: plain,
  schedulingMode: dict,
  constraintType: dict,
  constraintAt: instant('plannedStart'),
  needsUtilities: plain,
  interruptionKind: dict,
  interruptionStartsAt: instant('plannedStart'),
  interruptionEndsAt: instant('plannedStart'),
  interruptionLocationIds: plain,
  createdAt: instant(),
  updatedAt: instant('createdAt'),
  earlyStart: instant('plannedStart'),
  earlyFinish: instant('plannedFinish'),
  lateStart: instant('earlyStart'),
  lateFinish: instant('earlyFinish'),
  totalFloatMinutes: plain,
  freeFloatMinutes: plain,
  critical: { kind: 'flag' },
  scheduledAs: dict,
};

export const LINK_FIELDS: Record<keyof DependencyDto, Codec> = {
  id: plain,
  version: plain,
  projectId: { kind: 'project' },
  predecessorId: { kind: 'task' },
  successorId: { kind: 'task' },
  type: dict,
  lagMinutes: plain,
};

/** The instants of a scheduled task (ISO strings in the DTO). */
export const TASK_INSTANT_FIELDS = [
  'plannedStart',
  'plannedFinish',
  'constraintAt',
  'interruptionStartsAt',
  'interruptionEndsAt',
  'createdAt',
  'updatedAt',
  'earlyStart',
  'earlyFinish',
  'lateStart',
  'lateFinish',
] as const satisfies readonly (keyof ScheduledTaskDto)[];

export type TaskInstantField = (typeof TASK_INSTANT_FIELDS)[number];

/** A scheduled task whose instants may also be epoch ms (what a server has at hand, unformatted). */
export type ScheduledTaskSource = Omit<ScheduledTaskDto, TaskInstantField> & {
  [K in TaskInstantField]: null extends ScheduledTaskDto[K] ? string | number | null : string | number;
};

/** A schedule to encode: a ProjectScheduleDto, or the same with tasks' instants as epoch ms. */
export type ScheduleSource = Omit<ProjectScheduleDto, 'tasks'> & { tasks: readonly ScheduledTaskSource[] };

/** The compact form of a schedule. Every link's tasks must be among the schedule's tasks. */
export function encodeSchedule(schedule: ScheduleSource): CompactSchedule {
  const indexOf = taskIndexer(schedule.tasks);
  return {
    format: SCHEDULE_WIRE_FORMAT,
    project: schedule.project,
    calendar: schedule.calendar,
    projectStart: schedule.projectStart,
    projectFinish: schedule.projectFinish,
    tasks: {
      count: schedule.tasks.length,
      columns: encodeRows<ScheduledTaskDto>(schedule.tasks, TASK_FIELDS, indexOf),
    },
    links: {
      count: schedule.dependencies.length,
      columns: encodeRows<DependencyDto>(schedule.dependencies, LINK_FIELDS, indexOf),
    },
    criticalPath: schedule.criticalPath.map(indexOf),
    violations: schedule.violations,
  };
}

/** A task's index among `tasks` by its id; throws for a task not among them. */
export function taskIndexer(tasks: readonly { id: string }[]): (id: string) => number {
  const taskIndex = new Map(tasks.map((task, i) => [task.id, i]));
  return (id) => {
    const index = taskIndex.get(id);
    if (index === undefined) throw new Error(`compact schedule: task ${id} is not among the schedule's tasks`);
    return index;
  };
}

/** The ProjectScheduleDto a compact schedule was made from. */
export function decodeSchedule(compact: CompactSchedule): ProjectScheduleDto {
  if (compact.format !== SCHEDULE_WIRE_FORMAT) {
    throw new Error(`compact schedule: unknown format ${String(compact.format)}`);
  }
  const projectId = compact.project.id;
  const taskColumns = decodeColumns(compact.tasks.columns, TASK_FIELDS, projectId, compact.tasks.count, []);
  const ids = taskColumns.get('id') as string[];
  const tasks = rowsOf<ScheduledTaskDto>(taskColumns, compact.tasks.count);
  const linkColumns = decodeColumns(compact.links.columns, LINK_FIELDS, projectId, compact.links.count, ids);
  return {
    project: compact.project,
    calendar: compact.calendar,
    tasks,
    dependencies: rowsOf<DependencyDto>(linkColumns, compact.links.count),
    criticalPath: compact.criticalPath.map((index) => ids[index]),
    violations: compact.violations,
    projectStart: compact.projectStart,
    projectFinish: compact.projectFinish,
  };
}

export function encodeRows<T extends object>(
  rows: readonly object[],
  fields: Record<keyof T, Codec>,
  indexOf: (id: string) => number,
): Record<string, Column> {
  const columns: Record<string, Column> = {};
  const encoder = columnEncoder(rows, indexOf);
  for (const [field, codec] of Object.entries(fields) as [string, Codec][]) {
    const column = encoder(field, codec);
    if (column !== undefined) columns[field] = column;
  }
  return columns;
}

/**
 * Encodes one field of `rows` at a time (undefined: the field is not written). Each instant
 * field is parsed once, also when it is another's reference.
 */
export function columnEncoder(
  rows: readonly object[],
  indexOf: (id: string) => number,
): (field: string, codec: Codec) => Column | undefined {
  const values = (field: string) => rows.map((row) => (row as Record<string, unknown>)[field]);
  const parsed = new Map<string, (number | null)[]>();
  const msOf = (field: string) => {
    let ms = parsed.get(field);
    if (!ms) {
      ms = rows.map((row) => epochMs((row as Record<string, string | number | null>)[field]));
      parsed.set(field, ms);
    }
    return ms;
  };
  return (field, codec) => {
    switch (codec.kind) {
      case 'plain':
        return values(field);
      case 'dict':
        return encodeDict(values(field));
      case 'flag':
        return values(field).map((value) => (value ? 1 : 0));
      case 'instant':
        return encodeInstants(msOf(field), codec.from === undefined ? undefined : msOf(codec.from));
      case 'task':
        return (values(field) as string[]).map(indexOf);
      case 'project':
        return undefined;
    }
  };
}

function decodeColumns<T extends object>(
  columns: Record<string, Column>,
  fields: Record<keyof T, Codec>,
  projectId: string,
  count: number,
  taskIds: readonly string[],
): Map<string, unknown[]> {
  const decoded = new Map<string, unknown[]>();
  const instants = new Map<string, (number | null)[]>();
  for (const [field, codec] of Object.entries(fields) as [string, Codec][]) {
    const column = columns[field];
    if (codec.kind !== 'project' && column === undefined) throw new Error(`compact schedule: no column ${field}`);
    switch (codec.kind) {
      case 'plain':
        decoded.set(field, column as unknown[]);
        break;
      case 'dict':
        decoded.set(field, decodeDict(column as DictColumn));
        break;
      case 'flag':
        decoded.set(
          field,
          (column as number[]).map((value) => value === 1),
        );
        break;
      case 'instant': {
        const reference = codec.from === undefined ? undefined : instants.get(codec.from);
        if (codec.from !== undefined && !reference) throw new Error(`compact schedule: ${field} before ${codec.from}`);
        const ms = decodeInstants(column as InstantColumn, reference);
        instants.set(field, ms);
        decoded.set(
          field,
          ms.map((value) => (value === null ? null : new Date(value).toISOString())),
        );
        break;
      }
      case 'task':
        decoded.set(
          field,
          (column as number[]).map((index) => taskIds[index]),
        );
        break;
      case 'project':
        decoded.set(field, new Array(count).fill(projectId));
        break;
    }
  }
  return decoded;
}

function rowsOf<T>(columns: Map<string, unknown[]>, count: number): T[] {
  const entries = [...columns];
  const rows = new Array<T>(count);
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    for (const [field, values] of entries) row[field] = values[i];
    rows[i] = row as T;
  }
  return rows;
}
