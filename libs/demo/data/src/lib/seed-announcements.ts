import { AnnouncementEntity, generatedText, ProjectEntity, syncAnnouncements } from '@worksite/server-data-access';
import { announcementDeadline, DEFAULT_LEAD_DAYS } from '@worksite/shared-announcements';
import { EntityManager } from 'typeorm';
import { COORDINATOR } from './data/organisations.data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The 飞线入地 cuts' resident announcements: every cut gets its draft; those whose deadline
 * (start − lead time, power 7 days) has passed were approved and posted a day before it — but
 * the next power cut ahead was posted only 3 days before (late) and the one after it is still
 * only approved (missing): the clashes a coordinator should see. Only for a project without
 * announcements (a later run adds none). Returns how many were posted.
 */
export async function seedAnnouncements(manager: EntityManager, projectCode: string, now: number): Promise<number> {
  const project = await manager.findOneBy(ProjectEntity, { code: projectCode });
  if (!project) return 0;
  const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM announcements WHERE project_id = $1', [
    project.id,
  ]);
  if (n > 0) return 0;
  await syncAnnouncements(manager, project, now);
  const rows = await manager.find(AnnouncementEntity, { where: { projectId: project.id }, order: { startsAt: 'ASC' } });
  const upcomingPower = rows.filter((row) => row.kinds[0] === 'power' && row.startsAt.getTime() - 3 * DAY <= now);
  const late = upcomingPower.find((row) => row.startsAt.getTime() > now);
  const missing = upcomingPower.find((row) => row !== late && row.startsAt.getTime() > now);
  let posted = 0;
  for (const row of rows) {
    const deadline = announcementDeadline(row.startsAt.getTime(), row.kinds[0], DEFAULT_LEAD_DAYS);
    const postedAt = row === late ? row.startsAt.getTime() - 3 * DAY : deadline - DAY;
    if (row === missing) {
      await manager.update(
        AnnouncementEntity,
        { id: row.id },
        { state: 'approved', approvedAt: new Date(now - HOUR), approvedByName: COORDINATOR.name },
      );
      continue;
    }
    if (postedAt > now) continue;
    // Written when it was approved, so its date line says that day (not the day the demo was loaded).
    const text = await generatedText(manager, row, project.timeZone, postedAt - 2 * HOUR);
    await manager.update(
      AnnouncementEntity,
      { id: row.id },
      {
        text,
        state: 'posted',
        approvedAt: new Date(postedAt - 2 * HOUR),
        approvedByName: COORDINATOR.name,
        postedAt: new Date(postedAt),
      },
    );
    await manager.query(
      `INSERT INTO announcement_posts (announcement_id, revision, kind, text, cut_fingerprint, posted_at, posted_by_name)
       VALUES ($1, $2, 'post', $3, $4, $5, $6)`,
      [row.id, row.revision, text, row.cutFingerprint, new Date(postedAt), COORDINATOR.name],
    );
    posted++;
  }
  return posted;
}
