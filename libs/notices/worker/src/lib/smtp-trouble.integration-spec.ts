import { seedCrewsWithWork } from '@worksite/notices-testing';
import { startWorkerHarness, WorkerHarness } from '../testing/worker-harness';

interface DeliveryRow {
  address: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

describe('an SMTP server in trouble', () => {
  let h: WorkerHarness;
  const deliveriesOf = (projectId: string) =>
    h.query<DeliveryRow>(
      `SELECT d.address, d.status, d.attempts, d.last_error FROM deliveries d JOIN notices n ON n.id = d.notice_id
        WHERE $1 = ANY(n.project_ids)`,
      [projectId],
    );

  beforeAll(async () => {
    h = await startWorkerHarness({ NOTICE_RETRY_BASE_SECONDS: 1, NOTICE_MAX_ATTEMPTS: 4 });
  });

  afterAll(() => h?.close());

  it('retries while the server cannot be reached, then delivers each notice once', async () => {
    await h.sink.stop();
    const fixture = await seedCrewsWithWork(h.dataSource, { crews: 4, date: '2030-06-11' });
    await h.jobs.addRun({ projectId: fixture.projectId, date: fixture.date, trigger: 'manual' });
    await h.waitFor('two refused connections per delivery', async () => {
      const rows = await deliveriesOf(fixture.projectId);
      return rows.length === 4 && rows.every((d) => d.attempts >= 2 && d.status === 'planned');
    });
    const refused = await deliveriesOf(fixture.projectId);
    expect(refused[0].last_error).toMatch(/ECONNREFUSED/);
    await h.sink.listen();
    await h.runAndWait(fixture.projectId, fixture.date);
    const counts = h.sink.countsByRecipient();
    for (const crew of fixture.crews) expect(counts.get(crew.email)).toBe(1);
    const sent = await deliveriesOf(fixture.projectId);
    expect(sent.every((d) => d.status === 'sent' && d.attempts >= 3 && d.last_error === null)).toBe(true);
  });

  it('retries the emails a server going away mid-run cut short, none unknown, each delivered once', async () => {
    const fixture = await seedCrewsWithWork(h.dataSource, { crews: 30, date: '2030-06-15' });
    h.sink.acceptDelayMs = 30;
    await h.jobs.addRun({ projectId: fixture.projectId, date: fixture.date, trigger: 'manual' });
    await h.waitFor('the first emails', async () => h.sink.countsByRecipient().size >= 3);
    // The pool's connections are open and busy: every send in flight or started now fails.
    await h.sink.stop();
    await h.waitFor('a send refused while the server is away', async () => {
      const rows = await deliveriesOf(fixture.projectId);
      return rows.some((d) => d.status === 'planned' && d.attempts >= 1);
    });
    h.sink.acceptDelayMs = 0;
    await h.sink.listen();
    const run = await h.waitFor('the run to complete', async () => {
      const [row] = await h.query<{ status: string; deliveries_unknown: number; deliveries_sent: number }>(
        'SELECT status, deliveries_unknown, deliveries_sent FROM notice_runs WHERE project_id = $1',
        [fixture.projectId],
      );
      return row?.status === 'completed' ? row : undefined;
    });
    expect(run).toMatchObject({ deliveries_sent: 30, deliveries_unknown: 0 });
    const counts = h.sink.countsByRecipient();
    for (const crew of fixture.crews) expect(counts.get(crew.email)).toBe(1);
    const rows = await deliveriesOf(fixture.projectId);
    expect(rows.filter((d) => d.attempts > 1).length).toBeGreaterThan(0);
    expect(rows.every((d) => d.status === 'sent')).toBe(true);
  });

  it('retries while the server answers "try later", then delivers each notice once', async () => {
    const fixture = await seedCrewsWithWork(h.dataSource, { crews: 5, date: '2030-06-12' });
    h.sink.refuse = true;
    await h.jobs.addRun({ projectId: fixture.projectId, date: fixture.date, trigger: 'manual' });
    await h.waitFor('two refusals per delivery', async () => {
      const rows = await deliveriesOf(fixture.projectId);
      return rows.length === 5 && rows.every((d) => d.attempts >= 2 && d.status === 'planned');
    });
    expect(h.sink.refused).toBeGreaterThanOrEqual(10);
    expect(fixture.crews.some((crew) => h.sink.countsByRecipient().has(crew.email))).toBe(false);
    h.sink.refuse = false;
    const run = await h.runAndWait(fixture.projectId, fixture.date);
    expect(run).toMatchObject({
      crewsDone: 5,
      crewsFailed: 0,
      deliveriesSent: 5,
      deliveriesFailed: 0,
      deliveriesUnknown: 0,
    });
    const counts = h.sink.countsByRecipient();
    for (const crew of fixture.crews) expect(counts.get(crew.email)).toBe(1);
    const rows = await deliveriesOf(fixture.projectId);
    expect(rows.every((d) => d.status === 'sent' && d.attempts >= 3 && d.attempts <= 4)).toBe(true);
  });

  it('keeps one Message-ID for every attempt of a delivery, so a resend is recognisably the same message', async () => {
    const fixture = await seedCrewsWithWork(h.dataSource, { crews: 1, date: '2030-06-14' });
    h.sink.refuseAfterData = 1;
    await h.runAndWait(fixture.projectId, fixture.date);
    const [refused] = h.sink.refusedMessages.filter((m) => m.to.includes(fixture.crews[0].email));
    const accepted = h.sink.received.filter((m) => m.to.includes(fixture.crews[0].email));
    expect(accepted).toHaveLength(1);
    expect(refused.messageId).toMatch(/^<delivery-[0-9a-f-]{36}@worksite\.test>$/);
    expect(accepted[0].messageId).toBe(refused.messageId);
    const [delivery] = await deliveriesOf(fixture.projectId);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2 });
    expect(accepted[0].headers['x-worksite-delivery']).toBe(refused.headers['x-worksite-delivery']);
  });

  it('ends a delivery the server keeps refusing as failed after its attempts, visible and counted', async () => {
    const fixture = await seedCrewsWithWork(h.dataSource, { crews: 2, date: '2030-06-13' });
    h.sink.rejectRecipients.add(fixture.crews[0].email);
    const run = await h.runAndWait(fixture.projectId, fixture.date);
    expect(run).toMatchObject({
      status: 'completed',
      crewsDone: 2,
      crewsFailed: 1,
      deliveriesSent: 1,
      deliveriesFailed: 1,
    });
    const rows = await deliveriesOf(fixture.projectId);
    const failed = rows.find((d) => d.address === fixture.crews[0].email) as DeliveryRow;
    expect(failed).toMatchObject({ status: 'failed', attempts: 4 });
    expect(failed.last_error).toMatch(/550/);
    expect(h.sink.countsByRecipient().get(fixture.crews[0].email)).toBeUndefined();
    expect(h.sink.countsByRecipient().get(fixture.crews[1].email)).toBe(1);
  });
});
