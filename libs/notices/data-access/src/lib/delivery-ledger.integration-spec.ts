import { insertNoticeWithEmails, seedCrewsWithWork } from '@worksite/notices-testing';
import { loadConfig } from '@worksite/server-config';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { AckService } from './ack.service';
import { CarriedRecord } from './carried-record';
import { DeliveryLedger } from './delivery-ledger.service';
import { RunCounters } from './run-counters';

describe('a claim that carries the record of the message its slot held before (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ledger: DeliveryLedger;
  let crewId: string;
  const touched: (string | null)[] = [];
  let revision = 0;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    db.dataSource.query(sql, params) as Promise<T[]>;

  /** A notice with one planned email delivery per address. */
  async function notice(addresses: string[]): Promise<{ noticeId: string; deliveryIds: string[] }> {
    revision++;
    return insertNoticeWithEmails(db.dataSource, { crewId: crewId, revision, addresses });
  }
  const status = async (id: string) =>
    (await q<{ status: string }>('SELECT status FROM deliveries WHERE id = $1', [id]))[0].status;
  const completed = async (noticeId: string) =>
    (await q<{ completed_at: Date | null }>('SELECT completed_at FROM notices WHERE id = $1', [noticeId]))[0]
      .completed_at !== null;

  beforeAll(async () => {
    db = await createTestDatabase();
    const fixture = await seedCrewsWithWork(db.dataSource, { crews: 1, date: '2030-01-01' });
    crewId = fixture.crews[0].id;
    const config = loadConfig();
    const counters = { touch: (runId: string | null) => touched.push(runId) } as unknown as RunCounters;
    ledger = new DeliveryLedger(db.dataSource, config, new AckService(db.dataSource, config), counters);
  });

  afterAll(() => db?.drop());

  it('records the previous message sent and claims the next in one statement, completing its notice', async () => {
    const first = await notice(['a@example.com']);
    const second = await notice(['b@example.com']);
    const a = await ledger.claim(first.deliveryIds[0], new Date());
    expect(a?.delivery.attempts).toBe(1);
    const carried = new CarriedRecord(first.deliveryIds[0], 1, { response: '250 ok' });
    const b = await ledger.claim(second.deliveryIds[0], new Date(), carried);
    expect(b?.delivery.id).toBe(second.deliveryIds[0]);
    expect(b?.notice.id).toBe(second.noticeId);
    expect(await ledger.recordCarried(carried)).toMatchObject({ status: 'sent' });
    expect(await status(first.deliveryIds[0])).toBe('sent');
    expect(await completed(first.noticeId)).toBe(true);
    expect(await status(second.deliveryIds[0])).toBe('sending');
    expect(await completed(second.noticeId)).toBe(false);
    const [token] = await q<{ n: number }>('SELECT count(*)::int AS n FROM notice_ack_tokens WHERE delivery_id = $1', [
      second.deliveryIds[0],
    ]);
    expect(token.n).toBe(1);
    expect(touched.length).toBeGreaterThan(0);
  });

  it('records the carried message even when the next delivery cannot be claimed', async () => {
    const first = await notice(['c@example.com']);
    const second = await notice(['d@example.com']);
    await ledger.claim(first.deliveryIds[0], new Date());
    await ledger.claim(second.deliveryIds[0], new Date()); // another worker has it already
    const carried = new CarriedRecord(first.deliveryIds[0], 1, {});
    expect(await ledger.claim(second.deliveryIds[0], new Date(), carried)).toBeUndefined();
    expect(await ledger.recordCarried(carried)).toMatchObject({ status: 'sent' });
    expect(await status(first.deliveryIds[0])).toBe('sent');
  });

  it('records nothing for a stale attempt, and leaves a record nobody carried to its owner', async () => {
    const first = await notice(['e@example.com']);
    const second = await notice(['f@example.com']);
    await ledger.claim(first.deliveryIds[0], new Date());
    // Attempt 7 was never claimed: the guard of `accepted` keeps the row sending.
    const stale = new CarriedRecord(first.deliveryIds[0], 7, {});
    await ledger.claim(second.deliveryIds[0], new Date(), stale);
    expect(await ledger.recordCarried(stale)).toBeUndefined();
    expect(await status(first.deliveryIds[0])).toBe('sending');
    const orphan = new CarriedRecord(first.deliveryIds[0], 1, {});
    orphan.abandon();
    await expect(ledger.recordCarried(orphan)).rejects.toThrow(/did not carry/);
    expect(await status(first.deliveryIds[0])).toBe('sending');
  });
});
