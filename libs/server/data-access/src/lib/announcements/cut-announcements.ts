import { cutFingerprint } from '@worksite/shared-announcements';
import { EntityManager } from 'typeorm';

/** A planned task's cut with what its residents were told, for the timing rule. */
export interface CutAnnouncementRow {
  taskId: string;
  title: string;
  kind: string;
  startsAt: Date;
  endsAt: Date | null;
  locationIds: string[];
  announcementId: string | null;
  /** First post telling exactly this cut (null: none). */
  postedAt: Date | null;
  /** A post told other times or places. */
  postedOther: boolean;
}

/**
 * Every planned cut of a project's tasks (cancelled tasks and incidents' rush tasks left out), with the
 * posts of its announcement: what the conflicts and the announcements list judge by
 * announcementTiming (one query for both).
 */
export async function cutAnnouncements(manager: EntityManager, projectId: string): Promise<CutAnnouncementRow[]> {
  const rows: {
    task_id: string;
    title: string;
    kind: string;
    starts_at: Date;
    ends_at: Date | null;
    location_ids: string[];
    announcement_id: string | null;
    posts: { fingerprint: string | null; posted_at: string }[] | null;
  }[] = await manager.query(
    `SELECT t.id AS task_id, t.title, t.interruption_kind::text AS kind, t.interruption_starts_at AS starts_at,
            t.interruption_ends_at AS ends_at, t.interruption_location_ids AS location_ids, a.id AS announcement_id,
            (SELECT json_agg(json_build_object('fingerprint', p.cut_fingerprint, 'posted_at', p.posted_at))
               FROM announcement_posts p WHERE p.announcement_id = a.id AND p.kind = 'post') AS posts
       FROM tasks t LEFT JOIN announcements a ON a.task_id = t.id
      WHERE t.project_id = $1 AND t.interruption_kind IS NOT NULL AND t.interruption_starts_at IS NOT NULL
        AND t.status <> 'cancelled'
        -- An incident's rush tasks are emergencies: told by the incident's announcement, no lead time.
        AND NOT EXISTS (SELECT 1 FROM incident_tasks it WHERE it.task_id = t.id)
      ORDER BY t.interruption_starts_at, t.id`,
    [projectId],
  );
  return rows.map((row) => {
    const fingerprint = cutFingerprint({
      kind: row.kind,
      startsAt: new Date(row.starts_at).toISOString(),
      endsAt: row.ends_at ? new Date(row.ends_at).toISOString() : null,
      locationIds: row.location_ids,
    });
    const posts = row.posts ?? [];
    const matching = posts.filter((post) => post.fingerprint === fingerprint).map((post) => Date.parse(post.posted_at));
    return {
      taskId: row.task_id,
      title: row.title,
      kind: row.kind,
      startsAt: new Date(row.starts_at),
      endsAt: row.ends_at ? new Date(row.ends_at) : null,
      locationIds: row.location_ids,
      announcementId: row.announcement_id,
      postedAt: matching.length ? new Date(Math.min(...matching)) : null,
      postedOther: posts.some((post) => post.fingerprint !== fingerprint),
    };
  });
}
