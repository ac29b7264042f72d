import { NoticeChange, NoticeContent, NoticeTask, RemovedTaskFate } from './notice-content';
import { locationName, materialText, timeWindow } from './render-parts';

const detailsOf = (task: NoticeTask) =>
  JSON.stringify([task.title, task.content, task.materials.map(materialText), task.tools, task.safetyNotes]);

/**
 * What changed for the crew between the last sent revision and the plan now: tasks added,
 * gone (cancelled, given to another crew, moved to another day, deleted), re-timed,
 * moved to another place, or with other work content, materials, tools or safety notes.
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
    if (detailsOf(old) !== detailsOf(task)) {
      changes.push({ kind: 'details', taskId: task.taskId, title: task.title });
    }
  }
  return changes;
}
