import { NoticeReason } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import { Batcher } from './batcher';
import { ComposedNotice } from './notice-composer.service';
import { queryPrepared } from './sql';

/** A notice to write with its deliveries (a revision of a crew's notice for a date). */
export interface NoticeToInsert {
  runId: string | null;
  crewId: string;
  date: string;
  revision: number;
  reason: NoticeReason;
  composed: ComposedNotice;
}

/** A notice written now, and its planned deliveries. */
export interface InsertedNotice {
  id: string;
  planned: { id: string; kind: string; address: string }[];
}

/**
 * Many notices and one delivery per enabled channel of each, in one statement (atomic on its
 * own): the insert of NoticeStore for a batch ($1 the notices as one JSON array, $2 no SMS gateway).
 * The unique (crew, date, revision) key decides as for one: a notice that exists is left out
 * of the answer, and its caller reads the winner. One JSON text rather than an array per column:
 * node-postgres escapes each element of an array parameter in JavaScript, and a notice's content
 * and text are kilobytes (about a second of a 10,000-crew night run's worker); JSON.stringify is
 * native.
 */
const INSERT_NOTICES_SQL = `WITH i AS (
  SELECT * FROM json_to_recordset($1::json)
    AS i(run_id uuid, crew_id uuid, project_ids uuid[], notice_date date, revision int, reason notice_reason,
         language language, subject text, content jsonb, text text, changes jsonb, task_count int)
), n AS (
  INSERT INTO notices (run_id, crew_id, project_ids, notice_date, revision, reason, language, subject, content, text,
                       changes, task_count, completed_at)
  SELECT i.run_id, i.crew_id, i.project_ids, i.notice_date, i.revision, i.reason, i.language, i.subject, i.content,
         i.text, i.changes, i.task_count,
         CASE WHEN EXISTS (SELECT 1 FROM crew_channels ch WHERE ch.crew_id = i.crew_id AND ch.enabled
                                                           AND NOT (ch.kind = 'sms' AND $2)) THEN NULL ELSE now() END
    FROM i
  ON CONFLICT (crew_id, notice_date, revision) DO NOTHING RETURNING id, crew_id, notice_date, revision
), d AS (
  INSERT INTO deliveries (notice_id, channel_id, purpose, kind, address, status, last_error)
  SELECT n.id, ch.id, 'notice', ch.kind, ch.address,
         CASE WHEN ch.kind = 'sms' AND $2 THEN 'skipped'::delivery_status ELSE 'planned'::delivery_status END,
         CASE WHEN ch.kind = 'sms' AND $2 THEN 'no SMS gateway configured (SMS_GATEWAY_URL)' END
    FROM n JOIN crew_channels ch ON ch.crew_id = n.crew_id AND ch.enabled
   ORDER BY n.id, ch.kind, ch.id
  ON CONFLICT DO NOTHING RETURNING id, notice_id, kind, address, status
)
SELECT n.id, n.crew_id, to_char(n.notice_date, 'YYYY-MM-DD') AS notice_date, n.revision,
       coalesce((SELECT json_agg(json_build_object('id', d.id, 'kind', d.kind, 'address', d.address) ORDER BY d.kind, d.id)
                   FROM d WHERE d.notice_id = n.id AND d.status = 'planned'), '[]') AS planned
  FROM n`;

const keyOf = (crewId: string, date: string, revision: number) => `${crewId} ${date} ${revision}`;

/**
 * Writes the notices asked for at about the same time together (a night run's crews): one
 * round trip and one plan for many. Each caller gets its notice, or undefined when the
 * revision existed (or another caller of the batch asked for the same one first).
 */
export function noticeInserter(dataSource: DataSource, smsOff: () => boolean): Batcher<NoticeToInsert, InsertedNotice> {
  return new Batcher(async (batch) => {
    const first = new Map<string, NoticeToInsert>();
    for (const notice of batch) {
      const key = keyOf(notice.crewId, notice.date, notice.revision);
      if (!first.has(key)) first.set(key, notice);
    }
    const notices = [...first.values()];
    const rows = await queryPrepared<InsertedNotice & { crew_id: string; notice_date: string; revision: number }>(
      dataSource,
      INSERT_NOTICES_SQL,
      [
        JSON.stringify(
          notices.map((n) => ({
            run_id: n.runId,
            crew_id: n.crewId,
            project_ids: n.composed.projectIds,
            notice_date: n.date,
            revision: n.revision,
            reason: n.reason,
            language: n.composed.content.language,
            subject: n.composed.subject,
            content: n.composed.content,
            text: n.composed.text,
            changes: n.composed.changes,
            task_count: n.composed.content.tasks.length,
          })),
        ),
        smsOff(),
      ],
    );
    const written = new Map<NoticeToInsert, InsertedNotice>();
    for (const row of rows) {
      const notice = first.get(keyOf(row.crew_id, row.notice_date, row.revision));
      if (notice) written.set(notice, { id: row.id, planned: row.planned });
    }
    return written;
  });
}
