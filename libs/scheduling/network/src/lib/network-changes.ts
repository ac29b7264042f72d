import { ScheduleChange, TaskInput } from '@worksite/scheduling-engine';
import { EngineReading, scheduledAsOf, StoredLink, StoredTask, toEngineLink, toEngineTask } from './task-entry';

/** The rows of a project as two reads saw them (tasks and links with their versions). */
export interface StoredRows {
  readonly tasks: readonly (StoredTask & { readonly version: number })[];
  readonly links: readonly (StoredLink & { readonly version: number })[];
}

/** More edits than this share of the tasks (and than a few): building the engine again is as quick. */
const REBUILD_SHARE = 0.25;
const FEW = 64;
const tooMany = (edits: number, tasks: number) => edits > Math.max(FEW, tasks * REBUILD_SHARE);

const sameInput = (a: TaskInput, b: TaskInput) =>
  a.duration === b.duration &&
  a.mode === b.mode &&
  a.start === b.start &&
  a.finish === b.finish &&
  (a.constraint?.type ?? null) === (b.constraint?.type ?? null) &&
  (a.constraint?.at ?? null) === (b.constraint?.at ?? null);

/**
 * The engine edits that take an engine built from `before` to what one built from `after`
 * computes (`update-task` for tasks whose input changed, links added, removed or changed), or
 * null when building it again is simpler: tasks added, removed, cancelled or taken back in
 * (the engine's task set changes), or most of the project changed. Only rows whose version
 * changed are compared; the same links (one array) are not compared at all.
 */
export function engineChanges(
  before: StoredRows,
  after: StoredRows,
  reading: EngineReading = 'plan',
): ScheduleChange[] | null {
  if (before.tasks.length !== after.tasks.length) return null;
  const earlier = new Map(before.tasks.map((task) => [task.id, task]));
  const changes: ScheduleChange[] = [];
  for (const task of after.tasks) {
    const old = earlier.get(task.id);
    if (!old) return null;
    if (old === task || old.version === task.version) continue;
    const input = toEngineTask(task, reading);
    const oldInput = toEngineTask(old, reading);
    if (!input || !oldInput) {
      if (input || oldInput) return null;
      continue;
    }
    if (!sameInput(input, oldInput)) changes.push({ kind: 'update-task', task: input });
  }
  if (before.links === after.links) return tooMany(changes.length, after.tasks.length) ? null : changes;
  const included = new Set(after.tasks.filter((task) => scheduledAsOf(task) !== 'excluded').map((task) => task.id));
  const inEngine = (link: StoredLink) => included.has(link.predecessorId) && included.has(link.successorId);
  const earlierLinks = new Map(before.links.filter(inEngine).map((link) => [link.id, link]));
  const added: ScheduleChange[] = [];
  for (const link of after.links.filter(inEngine)) {
    const old = earlierLinks.get(link.id);
    earlierLinks.delete(link.id);
    if (!old) added.push({ kind: 'add-link', link: toEngineLink(link) });
    else if (old.predecessorId !== link.predecessorId || old.successorId !== link.successorId) return null;
    else if (old.type !== link.type || old.lagMinutes !== link.lagMinutes) {
      changes.push({ kind: 'update-link', linkId: link.id, type: toEngineLink(link).type, lag: link.lagMinutes });
    }
  }
  // Removed first: a link added in place of one removed must not look like a cycle with it.
  const removed: ScheduleChange[] = [...earlierLinks.keys()].map((linkId) => ({ kind: 'remove-link', linkId }));
  const all = [...removed, ...changes, ...added];
  return tooMany(all.length, after.tasks.length) ? null : all;
}
