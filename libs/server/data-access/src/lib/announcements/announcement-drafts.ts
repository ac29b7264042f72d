import { announcementText, cutFingerprint } from '@worksite/shared-announcements';
import { InterruptionKind } from '@worksite/shared-domain';
import { localDateOf } from '@worksite/shared-util-time';
import { EntityManager } from 'typeorm';
import { ProjectEntity } from '../planning/project.entity';
import { TaskEntity } from '../planning/task.entity';
import { AnnouncementEntity } from './announcement.entity';
import { placesOf, workersOfTask } from './announcement-places';
import { cutAnnouncements } from './cut-announcements';

/** The facts of an announcement row and its project, rendered as the residents' text. */
export async function generatedText(
  manager: EntityManager,
  row: Pick<
    AnnouncementEntity,
    'kinds' | 'emergency' | 'startsAt' | 'endsAt' | 'locationIds' | 'reason' | 'workers' | 'contacts' | 'issuer'
  >,
  timeZone: string,
  now: number,
): Promise<string> {
  return announcementText({
    kinds: row.kinds,
    emergency: row.emergency,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt ? row.endsAt.toISOString() : null,
    timeZone,
    places: await placesOf(manager, row.locationIds),
    reason: row.reason,
    workers: row.workers,
    contacts: row.contacts,
    issuer: row.issuer,
    issuedOn: localDateOf(now, timeZone),
  });
}

/** The fingerprint of the cut an announcement row tells. */
export function rowFingerprint(row: Pick<AnnouncementEntity, 'kinds' | 'startsAt' | 'endsAt' | 'locationIds'>): string {
  return cutFingerprint({
    kind: row.kinds[0] ?? '',
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt ? row.endsAt.toISOString() : null,
    locationIds: row.locationIds,
  });
}

/**
 * Keeps a project's announcements in step with its tasks' cuts, in the caller's transaction
 * (under a lock of the project's announcements): a cut without an announcement gets a draft;
 * a cut that moved (its task was dragged, shifted, imported, undone or pushed by the engine)
 * gets a new draft revision, back in `draft`, flagged `update_needed` when residents were told
 * the old times. Runs whenever announcements are read, like the reopening of decided clashes.
 */
export async function syncAnnouncements(
  manager: EntityManager,
  project: ProjectEntity,
  now = Date.now(),
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`announcements:${project.id}`]);
  const cuts = await cutAnnouncements(manager, project.id);
  if (!cuts.length) return;
  const existing = await manager.find(AnnouncementEntity, { where: { projectId: project.id } });
  const byTask = new Map(existing.filter((a) => a.taskId).map((a) => [a.taskId as string, a]));
  for (const cut of cuts) {
    const current = {
      kinds: [cut.kind as InterruptionKind],
      startsAt: cut.startsAt,
      endsAt: cut.endsAt,
      locationIds: cut.locationIds,
    };
    const row = byTask.get(cut.taskId);
    if (!row) {
      await createDraft(manager, project, cut.taskId, current, now);
      continue;
    }
    if (row.cutFingerprint === rowFingerprint(current)) continue;
    const moved = { ...row, ...current };
    const told: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM announcement_posts WHERE announcement_id = $1 AND kind = 'post'`,
      [row.id],
    );
    await manager.update(
      AnnouncementEntity,
      { id: row.id },
      {
        ...current,
        state: 'draft',
        text: await generatedText(manager, moved, project.timeZone, now),
        edited: false,
        revision: row.revision + 1,
        cutFingerprint: rowFingerprint(current),
        updateNeeded: told[0].n > 0,
        approvedAt: null,
        approvedByName: null,
        postedAt: null,
        version: row.version + 1,
      },
    );
  }
}

async function createDraft(
  manager: EntityManager,
  project: ProjectEntity,
  taskId: string,
  cut: Pick<AnnouncementEntity, 'kinds' | 'startsAt' | 'endsAt' | 'locationIds'>,
  now: number,
): Promise<void> {
  const task = await manager.findOneByOrFail(TaskEntity, { id: taskId });
  const facts = {
    ...cut,
    emergency: false,
    reason: `${project.name}（${task.title}）`,
    workers: await workersOfTask(manager, taskId),
    contacts: project.coordinatorName
      ? [`${project.coordinatorName}${project.coordinatorPhone ? ` ${project.coordinatorPhone}` : ''}`]
      : [],
    issuer: project.name,
  };
  await manager.query(
    `INSERT INTO announcements (project_id, task_id, kinds, starts_at, ends_at, location_ids, reason, workers, contacts,
                                  issuer, text, cut_fingerprint)
       VALUES ($1, $2, $3::interruption_kind[], $4, $5, $6::uuid[], $7, $8, $9, $10, $11, $12)
       ON CONFLICT (task_id) WHERE task_id IS NOT NULL DO NOTHING`,
    [
      project.id,
      taskId,
      facts.kinds,
      facts.startsAt,
      facts.endsAt,
      facts.locationIds,
      facts.reason,
      facts.workers,
      facts.contacts,
      facts.issuer,
      await generatedText(manager, facts, project.timeZone, now),
      rowFingerprint(facts),
    ],
  );
}
