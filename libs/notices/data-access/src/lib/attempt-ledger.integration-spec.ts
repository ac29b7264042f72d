import { insertNoticeWithEmails, seedCrewsWithWork } from '@worksite/notices-testing';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { AttemptLedger } from './attempt-ledger';
import { queryRows } from './sql';
import {
  acceptedManyStatement,
  ALERTS_LEDGER,
  claimManyText,
  deliveryTransitionStatement,
  DELIVERIES_LEDGER,
  NOTICE_COMPLETION_SQL,
} from './ledger-sql';

const policy = () => ({ maxAttempts: 2, baseDelayMs: 60_000 });

describe('the delivery state machine on its two ledger tables (real PostgreSQL)', () => {
  let db: TestDatabase;
  let deliveries: AttemptLedger;
  let alerts: AttemptLedger;
  let crewIds: string[];
  let projectId: string;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    db.dataSource.query(sql, params) as Promise<T[]>;
  let revision = 0;

  /** A notice with one planned delivery per address. */
  async function notice(addresses: string[], crew = 0): Promise<{ noticeId: string; deliveryIds: string[] }> {
    revision++;
    return insertNoticeWithEmails(db.dataSource, { crewId: crewIds[crew], revision, addresses });
  }
  const row = async (table: string, id: string) =>
    (
      await q<{ status: string; attempts: number; next_attempt_at: Date | null; last_error: string | null }>(
        `SELECT status, attempts, next_attempt_at, last_error, sent_at FROM ${table} WHERE id = $1`,
        [id],
      )
    )[0];
  const completedAt = async (noticeId: string) =>
    (await q<{ completed_at: Date | null }>('SELECT completed_at FROM notices WHERE id = $1', [noticeId]))[0]
      .completed_at;
  const claim = async (ledger: AttemptLedger, id: string) => {
    const statement = ledger.claimStatement(id, new Date(), 'id, attempts');
    return (
      await queryRows<{ id: string; attempts: number }>(db.dataSource.manager, statement.text, statement.params)
    )[0];
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const fixture = await seedCrewsWithWork(db.dataSource, { crews: 2, date: '2030-01-01' });
    crewIds = fixture.crews.map((crew) => crew.id);
    projectId = fixture.projectId;
    deliveries = new AttemptLedger(db.dataSource, DELIVERIES_LEDGER, policy);
    alerts = new AttemptLedger(db.dataSource, ALERTS_LEDGER, policy);
  });

  afterAll(() => db?.drop());

  it('claims a delivery once, records its outcome once, and completes its notice', async () => {
    const { noticeId, deliveryIds } = await notice(['a@example.com']);
    const claimed = await claim(deliveries, deliveryIds[0]);
    expect(claimed).toEqual({ id: deliveryIds[0], attempts: 1 });
    expect(await claim(deliveries, deliveryIds[0])).toBeUndefined();
    expect(await completedAt(noticeId)).toBeNull();

    const recorded = await deliveries.record({ ...claimed, kind: 'email' }, { kind: 'sent', response: { ok: true } });
    expect(recorded).toMatchObject({ status: 'sent', nextAttemptAt: null });
    expect(await row('deliveries', deliveryIds[0])).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(await completedAt(noticeId)).not.toBeNull();
    // The same outcome again, or another one for the same attempt, changes nothing.
    expect(await deliveries.record({ ...claimed, kind: 'email' }, { kind: 'unknown', error: 'late' })).toBeUndefined();
    expect((await row('deliveries', deliveryIds[0])).status).toBe('sent');
  });

  it('plans a refused delivery again after the backoff, then gives up when the attempts are used', async () => {
    const { noticeId, deliveryIds } = await notice(['b@example.com']);
    const first = await claim(deliveries, deliveryIds[0]);
    const before = Date.now();
    const retry = await deliveries.record(
      { ...first, kind: 'email' },
      { kind: 'not-delivered', error: '451', retriable: true },
      before,
    );
    expect(retry?.status).toBe('planned');
    expect(retry?.nextAttemptAt?.getTime()).toBe(before + 60_000);
    // Not due yet: no claim. Once due, the second attempt; refused again, it ends failed.
    expect(await claim(deliveries, deliveryIds[0])).toBeUndefined();
    await q(`UPDATE deliveries SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [deliveryIds[0]]);
    const second = await claim(deliveries, deliveryIds[0]);
    expect(second.attempts).toBe(2);
    expect(await completedAt(noticeId)).toBeNull();
    const failed = await deliveries.record(
      { ...second, kind: 'email' },
      { kind: 'not-delivered', error: '451 again', retriable: true },
    );
    expect(failed).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(await row('deliveries', deliveryIds[0])).toMatchObject({ status: 'failed', last_error: '451 again' });
    expect(await completedAt(noticeId)).not.toBeNull();
  });

  it('calls interrupted deliveries unknown on every channel (never resent by itself); records a late success', async () => {
    const { noticeId, deliveryIds } = await notice(['c@example.com']);
    await q(`INSERT INTO deliveries (notice_id, kind, address) VALUES ($1, 'wecom', 'https://robot.test/hook')`, [
      noticeId,
    ]);
    const [robot] = await q<{ id: string }>(`SELECT id FROM deliveries WHERE notice_id = $1 AND kind = 'wecom'`, [
      noticeId,
    ]);
    const email = await claim(deliveries, deliveryIds[0]);
    const chat = await claim(deliveries, robot.id);
    expect(await deliveries.sweepInterrupted(new Date(Date.now() + 1000))).toHaveLength(2);
    // The provider may have taken either: neither is sent again by itself.
    expect(await row('deliveries', deliveryIds[0])).toMatchObject({ status: 'unknown', attempts: 1 });
    expect((await row('deliveries', robot.id)).status).toBe('unknown');
    // Nothing is left planned or sending: the notice is complete, its two deliveries unknown.
    expect(await completedAt(noticeId)).not.toBeNull();
    // A late answer for the interrupted attempts: sent, and nothing left to resend.
    expect(await deliveries.record({ ...email, kind: 'email' }, { kind: 'sent', response: {} })).toMatchObject({
      status: 'sent',
    });
    expect(await deliveries.record({ ...chat, kind: 'wecom' }, { kind: 'sent', response: {} })).toMatchObject({
      status: 'sent',
    });
    expect(await completedAt(noticeId)).not.toBeNull();
  });

  it('completes a notice whose last two deliveries close at the same moment, whichever commits last', async () => {
    const { noticeId, deliveryIds } = await notice(['d@example.com', 'e@example.com']);
    const [one, two] = [await claim(deliveries, deliveryIds[0]), await claim(deliveries, deliveryIds[1])];
    // The first closer's statement, inside a transaction that stays open: the other delivery
    // is open in its snapshot, so it cannot complete the notice and asks for a recheck.
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const first = deliveryTransitionStatement('accepted', { id: one.id, attempts: one.attempts, response: {} });
    const [firstRow] = await queryRows<{ recheck: boolean }>(runner, first.text, first.params);
    expect(firstRow.recheck).toBe(true);
    // The second closer commits meanwhile; it sees the first one still sending.
    expect(await deliveries.record({ ...two, kind: 'email' }, { kind: 'sent', response: {} })).toMatchObject({
      status: 'sent',
    });
    expect(await completedAt(noticeId)).toBeNull();
    await runner.commitTransaction();
    await runner.release();
    // The first closer's recheck, after its commit, sees both closed.
    const complete = () => queryRows(db.dataSource.manager, NOTICE_COMPLETION_SQL, [noticeId]);
    expect(await complete()).toHaveLength(1);
    expect(await completedAt(noticeId)).not.toBeNull();
    expect(await complete()).toHaveLength(0);
  });

  it('completes every notice when both deliveries of many notices are recorded concurrently', async () => {
    const made = [];
    for (let i = 0; i < 40; i++) made.push(await notice([`x${i}@example.com`, `y${i}@example.com`], i % 2));
    const claims = await Promise.all(made.flatMap((m) => m.deliveryIds.map((id) => claim(deliveries, id))));
    await Promise.all(claims.map((c) => deliveries.record({ ...c, kind: 'email' }, { kind: 'sent', response: {} })));
    const open = await q(`SELECT id FROM notices WHERE id = ANY($1::uuid[]) AND completed_at IS NULL`, [
      made.map((m) => m.noticeId),
    ]);
    expect(open).toEqual([]);
  });

  it('claims and accepts many deliveries in one statement each, every row on its own conditions', async () => {
    const both = await notice(['m1@example.com', 'm2@example.com']);
    const later = await notice(['m3@example.com']);
    const [notDue] = (await notice(['m4@example.com'])).deliveryIds;
    await q(`UPDATE deliveries SET next_attempt_at = now() + interval '1 hour' WHERE id = $1`, [notDue]);
    const ids = [...both.deliveryIds, later.deliveryIds[0], notDue, both.deliveryIds[0]];
    const now = new Date();
    const claimed = await queryRows<{ id: string; attempts: number; token_hash: string }>(
      db.dataSource.manager,
      claimManyText(DELIVERIES_LEDGER, 'deliveries.id, deliveries.attempts, v.token_hash'),
      [ids, ids.map(() => now), ids.map((_, i) => `hash-${i}`), ids.map(() => now)],
    );
    // Due and planned ones once each (the repeated id too), not the one due in an hour.
    expect(claimed.map((c) => c.id).sort()).toEqual([...both.deliveryIds, later.deliveryIds[0]].sort());
    expect(claimed.every((c) => c.attempts === 1)).toBe(true);
    expect(await row('deliveries', notDue)).toMatchObject({ status: 'planned', attempts: 0 });

    // Both deliveries of one notice accepted together complete it; a wrong attempt moves nothing.
    const accepted = await q<{ id: string; status: string; recheck: boolean }>(acceptedManyStatement(), [
      [...both.deliveryIds, later.deliveryIds[0]],
      ['{"a":1}', null, '{"c":3}'],
      [1, 1, 2],
    ]);
    expect(accepted.map((a) => [a.id, a.status, a.recheck]).sort()).toEqual(
      both.deliveryIds.map((id) => [id, 'sent', false]).sort(),
    );
    expect(await completedAt(both.noticeId)).toBeInstanceOf(Date);
    expect(await row('deliveries', later.deliveryIds[0])).toMatchObject({ status: 'sending', attempts: 1 });
    expect(await completedAt(later.noticeId)).toBeNull();
  });

  it('moves escalation alerts by the same rules', async () => {
    const [alert] = await q<{ id: string }>(
      `INSERT INTO escalation_alerts (project_id, alert_date, kind, address) VALUES ($1, '2030-01-01', 'email', 'c@x.test')
       RETURNING id`,
      [projectId],
    );
    const first = await claim(alerts, alert.id);
    expect(await claim(alerts, alert.id)).toBeUndefined();
    await alerts.record({ ...first, kind: 'email' }, { kind: 'not-delivered', error: 'refused', retriable: true });
    expect(await row('escalation_alerts', alert.id)).toMatchObject({ status: 'planned', last_error: 'refused' });
    expect(await alerts.nextAttempt(alert.id)).toBeInstanceOf(Date);
    expect(await alerts.owed(new Date(Date.now() + 120_000), new Date(Date.now() + 120_000))).toEqual([alert.id]);
    // Due a second ago (the claim compares with this process's clock, in milliseconds; now() has microseconds).
    await q(`UPDATE escalation_alerts SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [alert.id]);
    const second = await claim(alerts, alert.id);
    await alerts.record({ ...second, kind: 'email' }, { kind: 'sent', response: { id: 1 } });
    expect(await row('escalation_alerts', alert.id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(await alerts.nextAttempt(alert.id)).toBeUndefined();
  });
});
