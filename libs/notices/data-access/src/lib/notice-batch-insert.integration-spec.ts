import { seedCrewsWithWork } from '@worksite/notices-testing';
import { loadConfig } from '@worksite/server-config';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { NoticeReason } from '@worksite/shared-domain';
import { DayPlanLoader } from './day-plan.loader';
import { noticeInserter, NoticeToInsert } from './notice-batch-insert';
import { NoticeComposer } from './notice-composer.service';

describe('notices inserted in batches (real PostgreSQL)', () => {
  let db: TestDatabase;
  let crewIds: string[];
  const date = '2030-03-04';

  beforeAll(async () => {
    db = await createTestDatabase();
    const fixture = await seedCrewsWithWork(db.dataSource, {
      crews: 2,
      date,
      channels: (i) => [{ kind: 'sms', address: `1380000000${i}` }],
    });
    crewIds = fixture.crews.map((crew) => crew.id);
  });

  afterAll(() => db?.drop());

  async function notice(crewId: string, revision: number): Promise<NoticeToInsert> {
    const day = await new NoticeComposer(new DayPlanLoader(loadConfig())).content(db.dataSource.manager, crewId, date);
    if (!day) throw new Error(`no day plan for crew ${crewId}`);
    return {
      runId: null,
      crewId,
      date,
      revision,
      reason: NoticeReason.Initial,
      composed: {
        content: day.content,
        projectIds: day.projectIds,
        subject: `明日施工通知 "${revision}"`,
        text: `明日施工：敷设电缆，"引号"、反斜杠 \\ 与逗号, {花括号}\n第二行`,
        changes: [],
      },
    };
  }

  it('writes each notice of a batch as given, with a delivery per channel (SMS skipped without a gateway)', async () => {
    const inserter = noticeInserter(db.dataSource, () => true);
    const asked = await Promise.all(crewIds.map((crewId) => notice(crewId, 1)));
    const written = await Promise.all(asked.map((n) => inserter.load(n)));
    expect(written.every((w) => w !== undefined)).toBe(true);
    for (const [i, n] of asked.entries()) {
      const [row] = await db.dataSource.query(
        `SELECT crew_id, to_char(notice_date, 'YYYY-MM-DD') AS notice_date, revision, reason, language, subject,
                content, text, changes, task_count, project_ids::text[] AS project_ids
           FROM notices WHERE id = $1`,
        [written[i]?.id],
      );
      expect(row).toEqual({
        crew_id: n.crewId,
        notice_date: date,
        revision: 1,
        reason: 'initial',
        language: n.composed.content.language,
        subject: n.composed.subject,
        content: JSON.parse(JSON.stringify(n.composed.content)),
        text: n.composed.text,
        changes: [],
        task_count: n.composed.content.tasks.length,
        project_ids: n.composed.projectIds,
      });
      const deliveries = await db.dataSource.query(
        'SELECT kind, status, last_error FROM deliveries WHERE notice_id = $1 ORDER BY kind',
        [written[i]?.id],
      );
      expect(deliveries).toEqual([
        { kind: 'email', status: 'planned', last_error: null },
        { kind: 'sms', status: 'skipped', last_error: 'no SMS gateway configured (SMS_GATEWAY_URL)' },
      ]);
      expect(written[i]?.planned.map((p) => p.kind)).toEqual(['email']);
    }
    // A revision that exists is left out; with a gateway, the SMS is planned too.
    const withGateway = noticeInserter(db.dataSource, () => false);
    expect(await withGateway.load(await notice(crewIds[0], 1))).toBeUndefined();
    const second = await withGateway.load(await notice(crewIds[0], 2));
    expect(second?.planned.map((p) => p.kind)).toEqual(['email', 'sms']);
  });
});
