import { Injectable } from '@nestjs/common';
import { diffNotices, NoticeContent } from '@worksite/notices-domain';
import { AppConfig } from '@worksite/server-config';
import { ChannelKind, NoticeReason } from '@worksite/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { NOTICE_COLUMNS, StoredNotice } from './delivery-rows';
import { NoticeComposer } from './notice-composer.service';
import { RunCounters } from './run-counters';
import { Batcher } from './batcher';
import { InsertedNotice, noticeInserter, NoticeToInsert } from './notice-batch-insert';
import { queryRows } from './sql';

/** A delivery just written as planned. */
export interface FreshDelivery {
  id: string;
  kind: ChannelKind;
  address: string;
}

/** What storing a crew's notice did. */
export type StoreOutcome =
  | {
      outcome: 'created';
      noticeId: string;
      deliveryIds: string[];
      /** The planned deliveries just written (planned and due: nothing to read back before a claim). */
      planned: FreshDelivery[];
    }
  /** The crew already has this notice (a job ran again): its first revision. */
  | { outcome: 'exists'; noticeId: string; runId: string | null }
  /** The crew has no work on the date (any more). */
  | { outcome: 'no-work' }
  /** An amendment found nothing that changed for the crew. */
  | { outcome: 'unchanged'; noticeId: string };

/**
 * Writes notices and their deliveries to PostgreSQL before anything is sent. The unique
 * (crew, date, revision) key decides, under any concurrency or repetition, which writer
 * creates a revision; the losers read what the winner stored.
 */
@Injectable()
export class NoticeStore {
  /** Notices of a night run written together with those of the crews processed alongside. */
  private readonly inserter: Batcher<NoticeToInsert, InsertedNotice>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly composer: NoticeComposer,
    private readonly counters: RunCounters,
    private readonly config: AppConfig,
  ) {
    this.inserter = noticeInserter(dataSource, () => config.SMS_GATEWAY_URL === '');
  }

  async latest(manager: EntityManager, crewId: string, date: string): Promise<StoredNotice | undefined> {
    const [row] = await queryRows<StoredNotice>(
      manager,
      `SELECT ${NOTICE_COLUMNS} FROM notices n WHERE n.crew_id = $1 AND n.notice_date = $2 ORDER BY n.revision DESC LIMIT 1`,
      [crewId, date],
    );
    return row;
  }

  /**
   * The first revision of a crew's notice for a run's date, unless the crew already has one
   * (from this run, or from another project's run: then this run no longer owes it).
   */
  async createInitial(runId: string, crewId: string, date: string): Promise<StoreOutcome> {
    // The day plan says whether the crew has its first notice already (one query for both).
    const day = await this.composer.content(this.dataSource.manager, crewId, date);
    const existing = day?.firstNotice;
    if (existing) {
      if (existing.runId !== runId) await this.dropCrew(this.dataSource.manager, runId, crewId);
      return { outcome: 'exists', noticeId: existing.id, runId: existing.runId };
    }
    if (!day || !day.content.tasks.length) {
      await this.dropCrew(this.dataSource.manager, runId, crewId);
      return { outcome: 'no-work' };
    }
    const composed = this.composer.render(day.content, day.projectIds, 1, 'initial', []);
    const manager = this.dataSource.manager;
    const created = await this.insert(manager, {
      runId,
      crewId,
      date,
      revision: 1,
      reason: NoticeReason.Initial,
      composed,
    });
    if (created) return created;
    const winner = (await this.first(manager, crewId, date)) as { id: string; run_id: string | null };
    return { outcome: 'exists' as const, noticeId: winner.id, runId: winner.run_id };
  }

  /**
   * The next revision of a crew's notice for a date: an amendment (only when the crew's plan
   * changed against the last sent revision) or an explicit resend. A crew with no notice yet
   * whose project ran for the date gets its first one (work added after the run).
   */
  async createRevision(
    crewId: string,
    date: string,
    reason: NoticeReason.Amendment | NoticeReason.Resend,
  ): Promise<StoreOutcome> {
    const manager = this.dataSource.manager;
    const latest = await this.latest(manager, crewId, date);
    const day = await this.composer.content(manager, crewId, date);
    if (!day) return { outcome: 'no-work' };
    if (!latest) return this.createLate(crewId, date, day.content, day.projectIds);
    const removed = latest.content.tasks
      .map((task) => task.taskId)
      .filter((id) => !day.content.tasks.some((task) => task.taskId === id));
    const fates = await this.composer.fates(manager, crewId, date, removed, day.heldTaskIds);
    const changes = diffNotices(latest.content, day.content, fates);
    if (reason === NoticeReason.Amendment && changes.length === 0) return { outcome: 'unchanged', noticeId: latest.id };
    const revision = latest.revision + 1;
    const kind = reason === NoticeReason.Amendment ? 'amendment' : 'resend';
    // Coordinators of the earlier revision's projects see the amendment too (e.g. all cancelled).
    const projectIds = [...new Set([...day.projectIds, ...latest.project_ids])];
    const composed = this.composer.render(day.content, projectIds, revision, kind, changes);
    const created = await this.insert(manager, { runId: latest.run_id, crewId, date, revision, reason, composed });
    return created ?? { outcome: 'unchanged' as const, noticeId: latest.id };
  }

  private async createLate(
    crewId: string,
    date: string,
    content: NoticeContent,
    projectIds: string[],
  ): Promise<StoreOutcome> {
    if (!content.tasks.length) return { outcome: 'no-work' };
    const [run] = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM notice_runs WHERE project_id = ANY($1::uuid[]) AND run_date = $2 AND status IN ('running', 'completed')
        ORDER BY created_at LIMIT 1`,
      [projectIds, date],
    );
    if (!run) return { outcome: 'no-work' };
    const composed = this.composer.render(content, projectIds, 1, 'initial', []);
    return this.dataSource.transaction(async (manager) => {
      const created = await this.insert(manager, {
        runId: run.id,
        crewId,
        date,
        revision: 1,
        reason: NoticeReason.Initial,
        composed,
        late: true,
      });
      if (created) return created;
      const winner = (await this.first(manager, crewId, date)) as { id: string; run_id: string | null };
      return { outcome: 'exists' as const, noticeId: winner.id, runId: winner.run_id };
    });
  }

  private async first(manager: EntityManager, crewId: string, date: string) {
    const [row] = await queryRows<{ id: string; run_id: string | null }>(
      manager,
      'SELECT id, run_id FROM notices WHERE crew_id = $1 AND notice_date = $2 AND revision = 1',
      [crewId, date],
    );
    return row;
  }

  /** The run no longer owes this crew a notice (idempotent: only while the crew is in its list). */
  private async dropCrew(manager: EntityManager, runId: string, crewId: string): Promise<void> {
    await manager.transaction(async (tx) => {
      const dropped = await queryRows(
        tx,
        `UPDATE notice_runs SET crew_ids = array_remove(crew_ids, $2::uuid)
          WHERE id = $1 AND $2::uuid = ANY(crew_ids) RETURNING id`,
        [runId, crewId],
      );
      if (dropped.length) await this.counters.apply(tx, runId, { crews_total: -1, crews_skipped: 1 });
    });
  }

  /** Inserts a revision and one delivery per enabled channel; undefined when the revision exists. */
  private async insert(
    manager: EntityManager,
    values: NoticeToInsert & { late?: boolean },
  ): Promise<StoreOutcome | undefined> {
    // Outside a transaction (a night run's crews, amendments), with the notices written alongside.
    const notice =
      !manager.queryRunner && !values.late ? await this.inserter.load(values) : await this.insertOne(manager, values);
    if (!notice) return undefined;
    this.counters.touch(values.runId);
    return {
      outcome: 'created',
      noticeId: notice.id,
      deliveryIds: notice.planned.map((delivery) => delivery.id),
      planned: notice.planned as FreshDelivery[],
    };
  }

  /** One notice in one statement, also for a crew added after its run started (`late`). */
  private async insertOne(
    manager: EntityManager,
    values: NoticeToInsert & { late?: boolean },
  ): Promise<InsertedNotice | undefined> {
    const { composed } = values;
    // One statement (atomic on its own): the notice, one delivery per enabled channel, and for
    // a crew added after its run started, the run's list of crews. A notice with nothing to
    // deliver (only SMS without a gateway) is complete at once.
    const sql = `WITH n AS (
         INSERT INTO notices (run_id, crew_id, project_ids, notice_date, revision, reason, language, subject, content, text,
                              changes, task_count, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
                 CASE WHEN EXISTS (SELECT 1 FROM crew_channels ch WHERE ch.crew_id = $2 AND ch.enabled
                                                                   AND NOT (ch.kind = 'sms' AND $13)) THEN NULL ELSE now() END)
         ON CONFLICT (crew_id, notice_date, revision) DO NOTHING RETURNING id
       ), d AS (
         INSERT INTO deliveries (notice_id, channel_id, purpose, kind, address, status, last_error)
         SELECT n.id, ch.id, 'notice', ch.kind, ch.address,
                CASE WHEN ch.kind = 'sms' AND $13 THEN 'skipped'::delivery_status ELSE 'planned'::delivery_status END,
                CASE WHEN ch.kind = 'sms' AND $13 THEN 'no SMS gateway configured (SMS_GATEWAY_URL)' END
           FROM n CROSS JOIN crew_channels ch WHERE ch.crew_id = $2 AND ch.enabled
          ORDER BY ch.kind, ch.id
         ON CONFLICT DO NOTHING RETURNING id, kind, address, status
       ), late AS (
         UPDATE notice_runs SET crew_ids = array_append(crew_ids, $2::uuid), crews_total = crews_total + 1,
                status = CASE WHEN status = 'completed' THEN 'running'::notice_run_status ELSE status END, finished_at = NULL
          WHERE $14 AND id = $1 AND NOT ($2::uuid = ANY(crew_ids)) AND EXISTS (SELECT 1 FROM n)
       )
       SELECT n.id, coalesce((SELECT json_agg(json_build_object('id', d.id, 'kind', d.kind, 'address', d.address)
                                           ORDER BY d.kind, d.id) FROM d WHERE d.status = 'planned'), '[]') AS planned
         FROM n`;
    const params = [
      values.runId,
      values.crewId,
      composed.projectIds,
      values.date,
      values.revision,
      values.reason,
      composed.content.language,
      composed.subject,
      JSON.stringify(composed.content),
      composed.text,
      JSON.stringify(composed.changes),
      composed.content.tasks.length,
      this.config.SMS_GATEWAY_URL === '',
      !!(values.late && values.runId),
    ];
    const [notice] = await queryRows<InsertedNotice>(manager, sql, params);
    return notice;
  }
}
