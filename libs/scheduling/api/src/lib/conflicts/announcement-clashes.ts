import { Conflict } from '@worksite/scheduling-engine';
import { cutAnnouncements, TaskEntity } from '@worksite/server-data-access';
import { announcementTiming, isAnnouncementClash, LeadDays } from '@worksite/shared-announcements';
import { conflictFingerprint, InterruptionKind } from '@worksite/shared-domain';
import { EntityManager, In } from 'typeorm';

/** The clashes of a project's cuts whose residents were not told in time, and what the answer says of their tasks. */
export interface AnnouncementClashes {
  conflicts: Conflict[];
  tasks: Map<string, { title: string; constraintType: string | null; version: number; fingerprint: string }>;
  /** The timing per task in a clash (late, missing, outdated). */
  timings: Map<string, string>;
}

/**
 * Cuts whose announcement is late, missing past its deadline, or tells other times (the
 * rule: announcementTiming of @worksite/shared-announcements). Read fresh on every request,
 * not with the plan's cached detection: "missing" turns true as time passes, and a post
 * changes no task.
 */
export async function announcementClashes(
  manager: EntityManager,
  projectId: string,
  lead: LeadDays,
  now: number,
  range: { start: number; end: number },
): Promise<AnnouncementClashes> {
  const cuts = await cutAnnouncements(manager, projectId);
  const conflicts: Conflict[] = [];
  const timings = new Map<string, string>();
  for (const cut of cuts) {
    const start = cut.startsAt.getTime();
    const end = Math.max(cut.endsAt?.getTime() ?? start, start + 1);
    if (end <= range.start || start >= range.end) continue;
    const timing = announcementTiming(
      { kind: cut.kind, startsAt: start, postedAt: cut.postedAt?.getTime() ?? null, postedOther: cut.postedOther },
      lead,
      now,
    );
    if (!isAnnouncementClash(timing)) continue;
    timings.set(cut.taskId, timing);
    conflicts.push({
      kind: 'announcement-late',
      key: `announcement-late|${cut.taskId}|${cut.kind}`,
      taskIds: [cut.taskId],
      window: { start, end },
      ...(cut.locationIds[0] ? { locationId: cut.locationIds[0] } : {}),
      utility: cut.kind as InterruptionKind,
    });
  }
  const involved = conflicts.map((conflict) => conflict.taskIds[0]);
  const rows = involved.length ? await manager.find(TaskEntity, { where: { id: In(involved) } }) : [];
  const tasks: AnnouncementClashes['tasks'] = new Map(
    rows.map((task) => [
      task.id,
      {
        title: task.title,
        constraintType: task.constraintType,
        version: task.version,
        fingerprint: conflictFingerprint(task),
      },
    ]),
  );
  return { conflicts, tasks, timings };
}
