import { PlannedMove, ProjectNetwork, scheduleNetwork } from '@worksite/scheduling-data-access';
import { settleTaskTimes } from '@worksite/scheduling-network';
import { DependencyEntity, TaskEntity } from '@worksite/server-data-access';
import { ConstraintType, DependencyType, SchedulingMode } from '@worksite/shared-domain';
import { ValidatedImport, ValidatedTask } from '@worksite/import-domain';
import { randomUUID } from 'node:crypto';
import { localDateIn as localDateOf } from '@worksite/shared-util-time';

/** What an import changes, computed before anything is written (a dry run shows it). */
export interface ImportPlan {
  created: TaskEntity[];
  updated: { before: TaskEntity; after: TaskEntity }[];
  unchanged: TaskEntity[];
  /** Tasks with an external code that the sheet no longer has. */
  missing: TaskEntity[];
  /** The missing tasks that are deleted (deleteMissing). */
  deleted: TaskEntity[];
  linksCreated: DependencyEntity[];
  linksUpdated: { before: DependencyEntity; after: DependencyEntity }[];
  linksDeleted: DependencyEntity[];
  /** Other tasks of the project the imported links push later. */
  moves: PlannedMove[];
  projectFinish: number | null;
}

/** Fields of a task an import sets (compared to tell updated from unchanged; audited). */
export const IMPORTED_FIELDS = [
  'externalCode',
  'title',
  'departmentId',
  'crewId',
  'locationId',
  'plannedStart',
  'plannedFinish',
  'startDate',
  'finishDate',
  'durationMinutes',
  'materials',
  'tools',
  'safetyNotes',
  'status',
  'schedulingMode',
  'constraintType',
  'constraintAt',
  'interruptionKind',
  'interruptionStartsAt',
  'interruptionEndsAt',
] as const satisfies readonly (keyof TaskEntity)[];

/** A value to compare: instants as numbers, objects with their keys sorted (jsonb reorders them). */
const comparable = (value: unknown): unknown =>
  value instanceof Date ? value.getTime() : JSON.stringify(value ?? null, (_, v) => sorted(v));

function sorted(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The imported fields of a task (the audit's before and after). */
export function importedFields(task: TaskEntity): Partial<TaskEntity> {
  return Object.fromEntries(IMPORTED_FIELDS.map((field) => [field, task[field]])) as Partial<TaskEntity>;
}

function sameTask(a: TaskEntity, b: TaskEntity): boolean {
  return IMPORTED_FIELDS.every((field) => comparable(a[field]) === comparable(b[field]));
}

/**
 * Turns a checked import into the rows to write: tasks matched to the project's by external
 * code (updated in place, or created), links between the sheet's tasks replaced by the
 * sheet's, and ONE scheduling pass over the whole project as it will be (read as re-scheduling
 * reads it: automatic tasks are held no earlier than their planned start, so other tasks are
 * only pushed later). The imported automatic tasks take the engine's dates.
 */
export function planImport(network: ProjectNetwork, validated: ValidatedImport, deleteMissing: boolean): ImportPlan {
  const { project } = network;
  const zone = project.timeZone;
  const byCode = new Map<string, TaskEntity>();
  for (const task of network.tasks) if (task.externalCode) byCode.set(task.externalCode, task);
  const sheetCodes = new Set(validated.tasks.map((task) => task.code));

  const next = new Map<string, TaskEntity>();
  const created: TaskEntity[] = [];
  const idOfCode = new Map<string, string>();
  for (const row of validated.tasks) {
    const current = byCode.get(row.code);
    const task = toTask(row, current, network);
    next.set(task.id, task);
    idOfCode.set(row.code, task.id);
    if (!current) created.push(task);
  }
  const missing = network.tasks.filter((task) => task.externalCode && !sheetCodes.has(task.externalCode));
  for (const task of missing) idOfCode.set(task.externalCode as string, task.id);
  const deleted = deleteMissing ? missing : [];
  const gone = new Set(deleted.map((task) => task.id));

  // Links: those between two tasks of the sheet are the sheet's; the others stay.
  const sheetIds = new Set(validated.tasks.map((task) => idOfCode.get(task.code) as string));
  const wanted = new Map<
    string,
    { predecessorId: string; successorId: string; type: DependencyType; lagMinutes: number }
  >();
  for (const link of validated.links) {
    const predecessorId = idOfCode.get(link.predecessor) as string;
    const successorId = idOfCode.get(link.successor) as string;
    wanted.set(`${predecessorId} ${successorId}`, {
      predecessorId,
      successorId,
      type: link.type,
      lagMinutes: link.lagMinutes,
    });
  }
  const linksDeleted: DependencyEntity[] = [];
  const linksUpdated: ImportPlan['linksUpdated'] = [];
  const links: DependencyEntity[] = [];
  for (const link of network.links) {
    const key = `${link.predecessorId} ${link.successorId}`;
    const want = wanted.get(key);
    wanted.delete(key);
    if (gone.has(link.predecessorId) || gone.has(link.successorId)) linksDeleted.push(link);
    else if (want) {
      if (want.type !== link.type || want.lagMinutes !== link.lagMinutes) {
        const after = { ...link, type: want.type, lagMinutes: want.lagMinutes } as DependencyEntity;
        linksUpdated.push({ before: link, after });
        links.push(after);
      } else links.push(link);
    } else if (sheetIds.has(link.predecessorId) && sheetIds.has(link.successorId)) linksDeleted.push(link);
    else links.push(link);
  }
  const linksCreated = [...wanted.values()].map(
    (want) => ({ id: randomUUID(), projectId: project.id, version: 1, ...want }) as DependencyEntity,
  );
  links.push(...linksCreated);

  // One scheduling pass over the project as it will be.
  const tasks = [
    ...network.tasks.filter((task) => !gone.has(task.id)).map((task) => next.get(task.id) ?? task),
    ...created,
  ];
  const { byId, scheduledAs, result } = scheduleNetwork({ ...network, tasks, links }, 'hold');
  const moves: PlannedMove[] = [];
  for (const task of tasks) {
    const scheduled = byId.get(task.id);
    if (!scheduled || scheduledAs.get(task.id) !== 'automatic') continue;
    if (next.has(task.id)) {
      task.plannedStart = new Date(scheduled.start);
      task.plannedFinish = new Date(scheduled.finish);
      task.startDate = localDateOf(scheduled.start, zone);
      task.finishDate = localDateOf(scheduled.finish, zone);
    } else if (scheduled.start > task.plannedStart.getTime() || scheduled.finish > task.plannedFinish.getTime()) {
      moves.push({ task, to: { start: scheduled.start, finish: scheduled.finish } });
    }
  }

  const updated: ImportPlan['updated'] = [];
  const unchanged: TaskEntity[] = [];
  for (const row of validated.tasks) {
    const before = byCode.get(row.code);
    if (!before) continue;
    const after = next.get(before.id) as TaskEntity;
    if (sameTask(before, after)) unchanged.push(before);
    else updated.push({ before, after });
  }
  const finishes = result.tasks.map((task) => task.finish);
  return {
    created,
    updated,
    unchanged,
    missing,
    deleted,
    linksCreated,
    linksUpdated,
    linksDeleted,
    moves,
    projectFinish: finishes.length ? finishes.reduce((a, b) => Math.max(a, b)) : null,
  };
}

/** The task a row describes: the stored one with the sheet's values, or a new one. */
function toTask(row: ValidatedTask, current: TaskEntity | undefined, network: ProjectNetwork): TaskEntity {
  const zone = network.project.timeZone;
  let { start, finish, durationMinutes } = row;
  if (current && !row.startGiven) {
    // The sheet moves nothing when it gives no start: the stored start stays.
    const settled = settleTaskTimes(network.calendar, row.mode === SchedulingMode.Manual ? 'manual' : 'automatic', {
      start: current.plannedStart.getTime(),
      duration: row.durationMinutes,
    });
    if (settled.ok) ({ start, finish, durationMinutes } = settled.times);
  }
  const automatic = row.mode === SchedulingMode.Automatic;
  const constraint = row.constraint
    ? { constraintType: row.constraint.type, constraintAt: new Date(row.constraint.at) }
    : automatic && row.startGiven
      ? { constraintType: ConstraintType.StartNoEarlierThan, constraintAt: new Date(start) }
      : current
        ? { constraintType: current.constraintType, constraintAt: current.constraintAt }
        : { constraintType: null, constraintAt: null };
  return {
    ...(current ?? {
      id: randomUUID(),
      version: 1,
      content: '',
      progress: 0,
      needsUtilities: [],
      interruptionLocationIds: [],
    }),
    projectId: network.project.id,
    externalCode: row.code,
    title: row.title,
    departmentId: row.departmentId,
    crewId: row.crewId,
    locationId: row.locationId,
    plannedStart: new Date(start),
    plannedFinish: new Date(finish),
    startDate: localDateOf(start, zone),
    finishDate: localDateOf(finish, zone),
    durationMinutes,
    materials: row.materials,
    tools: row.tools,
    safetyNotes: row.safetyNotes,
    status: row.status,
    schedulingMode: row.mode,
    ...constraint,
    interruptionKind: row.interruption?.kind ?? null,
    interruptionStartsAt: row.interruption ? new Date(row.interruption.startsAt) : null,
    interruptionEndsAt: row.interruption ? new Date(row.interruption.endsAt) : null,
  } as TaskEntity;
}
