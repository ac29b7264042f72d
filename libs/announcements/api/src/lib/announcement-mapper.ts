import { AnnouncementEntity, placesOfMany } from '@worksite/server-data-access';
import {
  AnnouncementDto,
  AnnouncementPostDto,
  announcementDeadline,
  announcementTiming,
  householdsOf,
  LeadDays,
  placesText,
} from '@worksite/shared-announcements';
import { EntityManager } from 'typeorm';

interface PostRow {
  id: string;
  announcement_id: string;
  revision: number;
  kind: 'post' | 'follow-up';
  text: string;
  cut_fingerprint: string | null;
  posted_at: Date;
  posted_by_name: string;
  deliveries: { locationName: string; robotKind: string; status: string }[] | null;
}

/** The answers for announcement rows: their posts with deliveries, places, households and timing. */
export async function announcementDtos(
  manager: EntityManager,
  rows: readonly AnnouncementEntity[],
  lead: LeadDays,
  now: number,
): Promise<AnnouncementDto[]> {
  if (!rows.length) return [];
  const posts: PostRow[] = await manager.query(
    `SELECT p.id, p.announcement_id, p.revision, p.kind, p.text, p.cut_fingerprint, p.posted_at, p.posted_by_name,
            (SELECT json_agg(json_build_object('locationName', l.name, 'robotKind', d.kind, 'status', d.status)
                             ORDER BY l.name)
               FROM announcement_deliveries d JOIN location_robots r ON r.id = d.robot_id
               JOIN locations l ON l.id = r.location_id WHERE d.post_id = p.id) AS deliveries
       FROM announcement_posts p WHERE p.announcement_id = ANY($1::uuid[]) ORDER BY p.posted_at, p.id`,
    [rows.map((row) => row.id)],
  );
  const titles: { id: string; title: string }[] = await manager.query(
    'SELECT id, title FROM tasks WHERE id = ANY($1::uuid[])',
    [rows.flatMap((row) => (row.taskId ? [row.taskId] : []))],
  );
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  const placesByRow = await placesOfMany(
    manager,
    rows.map((row) => row.locationIds),
  );
  const out: AnnouncementDto[] = [];
  for (const [index, row] of rows.entries()) {
    const own = posts.filter((post) => post.announcement_id === row.id);
    const places = placesByRow[index];
    const planned = !!row.taskId && !row.emergency;
    const told = own.filter((post) => post.kind === 'post');
    const matching = told.filter((post) => post.cut_fingerprint === row.cutFingerprint);
    const timing = planned
      ? announcementTiming(
          {
            kind: row.kinds[0],
            startsAt: row.startsAt.getTime(),
            postedAt: matching.length ? new Date(matching[0].posted_at).getTime() : null,
            postedOther: told.length > matching.length,
          },
          lead,
          now,
        )
      : null;
    out.push({
      id: row.id,
      version: row.version,
      projectId: row.projectId,
      taskId: row.taskId,
      taskTitle: row.taskId ? (titleOf.get(row.taskId) ?? null) : null,
      incidentId: row.incidentId,
      state: row.state,
      emergency: row.emergency,
      kinds: row.kinds,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt ? row.endsAt.toISOString() : null,
      locationIds: row.locationIds,
      placesText: placesText(places),
      households: householdsOf(places),
      reason: row.reason,
      workers: row.workers,
      contacts: row.contacts,
      text: row.text,
      edited: row.edited,
      revision: row.revision,
      updateNeeded: row.updateNeeded,
      approvedAt: row.approvedAt ? row.approvedAt.toISOString() : null,
      approvedByName: row.approvedByName,
      postedAt: row.postedAt ? row.postedAt.toISOString() : null,
      deadline: planned
        ? new Date(announcementDeadline(row.startsAt.getTime(), row.kinds[0], lead)).toISOString()
        : null,
      timing,
      posts: own.map(postDto),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    });
  }
  return out;
}

function postDto(post: PostRow): AnnouncementPostDto {
  return {
    id: post.id,
    revision: post.revision,
    kind: post.kind,
    text: post.text,
    postedAt: new Date(post.posted_at).toISOString(),
    postedByName: post.posted_by_name,
    deliveries: post.deliveries ?? [],
  };
}
