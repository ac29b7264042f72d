import type { DependencyDto } from '@worksite/shared-domain';
import {
  Codec,
  columnEncoder,
  encodeRows,
  LINK_FIELDS,
  SCHEDULE_WIRE_FORMAT,
  ScheduledTaskSource,
  ScheduleSource,
  TASK_FIELDS,
  taskIndexer,
} from './compact-schedule';

/** What a compact schedule's text was made from, kept to make the next revision's text from it. */
export interface CompactColumns {
  readonly tasks: readonly ScheduledTaskSource[];
  readonly links: readonly DependencyDto[];
  /** Each task field's column as JSON text. */
  readonly taskColumns: ReadonlyMap<string, string>;
  /** The links' columns as JSON text. */
  readonly linkColumns: string;
}

/**
 * More changed rows than this share of a project's tasks: every column is encoded again
 * (comparing them would cost more than it saves).
 */
const COMPARED_SHARE = 0.25;

/**
 * The compact schedule's JSON text, exactly JSON.stringify(encodeSchedule(schedule)), and what
 * it was made from. Given what an earlier revision of the same project was made from, a column
 * is encoded again only when one of the tasks that changed since (a row that is not the same
 * object at the same index) has another value in it, or in the column it is written relative to;
 * the other columns' text is reused. An edit changes a few tasks of 10,000, whose columns all
 * were encoded and turned into JSON again after each edit: the schedule after an edit took
 * 112–114 ms of bench:schedule-api here before, 90–94 ms with this.
 */
export function compactScheduleText(
  schedule: ScheduleSource,
  earlier?: CompactColumns,
): { json: string; columns: CompactColumns } {
  const { tasks } = schedule;
  const indexOf = taskIndexer(tasks);
  const changed = earlier && changedRows(earlier.tasks, tasks);
  const keptColumn = (field: string, codec: Codec): string | undefined => {
    if (!earlier || !changed) return undefined;
    const kept = earlier.taskColumns.get(field);
    return kept !== undefined && sameColumn(changed, earlier.tasks, tasks, field, codec) ? kept : undefined;
  };
  const encode = columnEncoder(tasks, indexOf);
  const taskColumns = new Map<string, string>();
  for (const [field, codec] of Object.entries(TASK_FIELDS) as [string, Codec][]) {
    if (codec.kind !== 'project')
      taskColumns.set(field, keptColumn(field, codec) ?? JSON.stringify(encode(field, codec)));
  }
  // Links refer to tasks by index: their text holds while the tasks' order does.
  const sameOrder = changed !== undefined && taskColumns.get('id') === earlier?.taskColumns.get('id');
  const linkColumns =
    earlier && sameOrder && earlier.links === schedule.dependencies
      ? earlier.linkColumns
      : JSON.stringify(encodeRows<DependencyDto>(schedule.dependencies, LINK_FIELDS, indexOf));
  const members: [string, string | undefined][] = [
    ['format', JSON.stringify(SCHEDULE_WIRE_FORMAT)],
    ['project', JSON.stringify(schedule.project)],
    ['calendar', JSON.stringify(schedule.calendar)],
    ['projectStart', JSON.stringify(schedule.projectStart)],
    ['projectFinish', JSON.stringify(schedule.projectFinish)],
    [
      'tasks',
      `{"count":${tasks.length},"columns":{${[...taskColumns].map(([f, text]) => `"${f}":${text}`).join(',')}}}`,
    ],
    ['links', `{"count":${schedule.dependencies.length},"columns":${linkColumns}}`],
    ['criticalPath', JSON.stringify(schedule.criticalPath.map(indexOf))],
    ['violations', JSON.stringify(schedule.violations)],
  ];
  // As JSON.stringify leaves out a member whose value is undefined.
  const json = `{${members.flatMap(([name, text]) => (text === undefined ? [] : [`"${name}":${text}`])).join(',')}}`;
  return {
    json,
    columns: { tasks, links: schedule.dependencies, taskColumns, linkColumns },
  };
}

/** The indexes of the rows that are not the same objects as before; undefined when too many to compare, or another count. */
function changedRows(before: readonly object[], after: readonly object[]): number[] | undefined {
  if (before.length !== after.length) return undefined;
  const changed: number[] = [];
  const most = after.length * COMPARED_SHARE;
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i]) continue;
    changed.push(i);
    if (changed.length > most) return undefined;
  }
  return changed;
}

/** Whether `field`'s column (and the one it is written relative to) has the same values in the changed rows. */
function sameColumn(
  changed: readonly number[],
  before: readonly object[],
  after: readonly object[],
  field: string,
  codec: Codec,
): boolean {
  const fields = codec.kind === 'instant' && codec.from !== undefined ? [field, codec.from] : [field];
  return changed.every((i) =>
    fields.every((f) => sameValue((before[i] as Record<string, unknown>)[f], (after[i] as Record<string, unknown>)[f])),
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return (
    typeof a === 'object' &&
    typeof b === 'object' &&
    a !== null &&
    b !== null &&
    JSON.stringify(a) === JSON.stringify(b)
  );
}
