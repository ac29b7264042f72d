import { NoticeChange, NoticeChangeKind, NoticeContent, NoticeTask, RemovedTaskFate } from './notice-content';
import { NoticeStrings, noticeStrings } from './notice-strings';
import { interruptionText, locationName, materialText, notReadyText, timeWindow } from './render-parts';

/** Longest excerpt of a changed text (work content, safety notes) a change line quotes. */
const EXCERPT = 40;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

/** A task's make-ready state as a change line quotes it. */
function readinessText(task: NoticeTask, s: NoticeStrings, language: string): string {
  const open = notReadyText(task, s, language);
  return open ? `${s.notReady}${s.colon}${open}` : s.ready;
}

/** The fields of a task a crew reads, each compared on its own, in the order a notice shows them. */
function fieldChanges(old: NoticeTask, task: NoticeTask, next: NoticeContent, previous: NoticeContent): NoticeChange[] {
  const s = noticeStrings(next.language);
  const list = (items: string[]) => items.join(s.listSeparator);
  const fields: { kind: NoticeChangeKind; before: string; after: string; quote: 'both' | 'after' }[] = [
    { kind: 'title', before: old.title, after: task.title, quote: 'both' },
    { kind: 'content', before: old.content, after: task.content, quote: 'after' },
    {
      kind: 'materials',
      before: list(old.materials.map(materialText)),
      after: list(task.materials.map(materialText)),
      quote: 'both',
    },
    { kind: 'tools', before: list(old.tools), after: list(task.tools), quote: 'both' },
    { kind: 'safety', before: old.safetyNotes, after: task.safetyNotes, quote: 'after' },
    {
      kind: 'interruption',
      before: interruptionText(old, s, previous.date),
      after: interruptionText(task, s, next.date),
      quote: 'both',
    },
    // A constraint opened or cleared: "未就绪：掘路许可… → 已就绪".
    {
      kind: 'readiness',
      before: readinessText(old, s, next.language),
      after: readinessText(task, s, next.language),
      quote: 'both',
    },
  ];
  return fields
    .filter((field) => field.before !== field.after)
    .map((field) => ({
      kind: field.kind,
      taskId: task.taskId,
      title: task.title,
      ...(field.quote === 'both' && field.before ? { before: excerpt(field.before) } : {}),
      ...(field.after ? { after: excerpt(field.after) } : {}),
    }));
}

/**
 * What changed for the crew between the last sent revision and the plan now: tasks added,
 * gone (cancelled, given to another crew, moved to another day, deleted), re-timed,
 * moved to another place, and each other field the crew reads that changed (name, work
 * content, materials, tools, safety notes, the residents' utility cut, whether it is ready),
 * named one by one; a task held back because it is not ready is 'held'.
 * Changes that are not the crew's own plan (other crews on site, predecessors finishing)
 * are no amendment. An empty list means nothing to send.
 */
export function diffNotices(
  previous: NoticeContent,
  next: NoticeContent,
  fates: Record<string, RemovedTaskFate> = {},
): NoticeChange[] {
  const before = new Map(previous.tasks.map((task) => [task.taskId, task]));
  const after = new Map(next.tasks.map((task) => [task.taskId, task]));
  const changes: NoticeChange[] = [];
  for (const task of previous.tasks) {
    if (after.has(task.taskId)) continue;
    changes.push({
      kind: fates[task.taskId] ?? 'removed',
      taskId: task.taskId,
      title: task.title,
      before: timeWindow(task),
    });
  }
  for (const task of next.tasks) {
    const old = before.get(task.taskId);
    if (!old) {
      changes.push({
        kind: 'added',
        taskId: task.taskId,
        title: task.title,
        after: `${timeWindow(task)} ${locationName(task.location)}`.trim(),
      });
      continue;
    }
    if (old.start !== task.start || old.end !== task.end) {
      changes.push({
        kind: 'time',
        taskId: task.taskId,
        title: task.title,
        before: timeWindow(old),
        after: timeWindow(task),
      });
    }
    const oldPlace = locationName(old.location);
    const newPlace = locationName(task.location);
    if (oldPlace !== newPlace || (old.location?.address ?? null) !== (task.location?.address ?? null)) {
      changes.push({ kind: 'location', taskId: task.taskId, title: task.title, before: oldPlace, after: newPlace });
    }
    changes.push(...fieldChanges(old, task, next, previous));
  }
  return changes;
}
