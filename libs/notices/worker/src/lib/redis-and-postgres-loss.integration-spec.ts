import { jobIds } from '@worksite/notices-data-access';
import { seedCrewsWithWork } from '@worksite/notices-testing';
import { startWorkerHarness, WorkerHarness } from '../testing/worker-harness';

describe('losing Redis or the PostgreSQL connections in the middle of a run', () => {
  let h: WorkerHarness;

  beforeAll(async () => {
    h = await startWorkerHarness({
      NOTICE_CONCURRENCY: 4,
      NOTICE_LOST_JOB_SECONDS: 2,
      NOTICE_SENDING_TIMEOUT_SECONDS: 20,
    });
    h.sink.acceptDelayMs = 30;
  });

  afterAll(() => h?.close());

  const expectOncePerCrew = async (emails: string[]) => {
    const counts = h.sink.countsByRecipient();
    const wrong = emails.filter((email) => counts.get(email) !== 1);
    if (wrong.length) {
      console.log(
        wrong.map((email) => [email, counts.get(email)]),
        await h.query(
          'SELECT address, status, attempts, last_error, created_at, updated_at, sent_at FROM deliveries WHERE address = ANY($1)',
          [wrong],
        ),
        h.sink.received.filter((m) => wrong.some((w) => m.to.includes(w))).map((m) => [m.at, m.messageId]),
      );
    }
    expect(wrong).toEqual([]);
  };

  it('still delivers every owed notice, once, after Redis lost all its data', async () => {
    const fixture = await seedCrewsWithWork(h.dataSource, { crews: 150, date: '2030-06-17' });
    await h.jobs.addRun({ projectId: fixture.projectId, date: fixture.date, trigger: 'manual' });
    await h.sink.waitFor(30);
    // The project's job scheduler, as the watchdog keeps it, before Redis loses it.
    await h.watchdog.tick();
    const scheduler = await h.jobs.queue.getJobScheduler(jobIds.scheduler(fixture.projectId));
    expect(scheduler).toMatchObject({ tz: 'Asia/Shanghai' });
    const deleted = await h.flushRedis();
    expect(deleted).toBeGreaterThan(0);
    expect(await h.jobs.queue.getJob(jobIds.runSummary((await runId(fixture.projectId)) as string))).toBeUndefined();

    const run = await h.waitFor(
      'the run to complete',
      async () => {
        const [row] = await h.query<{ status: string; crews_done: number; deliveries_unknown: number }>(
          'SELECT status, crews_done, deliveries_unknown FROM notice_runs WHERE project_id = $1',
          [fixture.projectId],
        );
        return row?.status === 'completed' ? row : undefined;
      },
      90_000,
    );
    expect(run).toMatchObject({ crews_done: 150, deliveries_unknown: 0 });
    await expectOncePerCrew(fixture.crews.map((crew) => crew.email));
    // The job scheduler Redis lost is back (the watchdog looks every second), as it was.
    await h.watchdog.tick();
    expect(await h.jobs.queue.getJobScheduler(jobIds.scheduler(fixture.projectId))).toMatchObject({
      pattern: scheduler?.pattern,
      tz: 'Asia/Shanghai',
    });
  });

  it('delivers every notice once when the database drops every connection mid-run (as in a restart)', async () => {
    const fixture = await seedCrewsWithWork(h.dataSource, { crews: 120, date: '2030-06-18' });
    const before = h.sink.received.length;
    await h.jobs.addRun({ projectId: fixture.projectId, date: fixture.date, trigger: 'manual' });
    for (const count of [20, 50, 80]) {
      await h.sink.waitFor(before + count, 60_000);
      await h.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
    }
    await h.waitFor(
      'the run to complete',
      async () => {
        const [row] = await h.query<{ status: string }>('SELECT status FROM notice_runs WHERE project_id = $1', [
          fixture.projectId,
        ]);
        return row?.status === 'completed';
      },
      90_000,
    );
    await expectOncePerCrew(fixture.crews.map((crew) => crew.email));
    const [counts] = await h.query<{ sent: number; other: number }>(
      `SELECT count(*) FILTER (WHERE d.status = 'sent')::int AS sent, count(*) FILTER (WHERE d.status <> 'sent')::int AS other
         FROM deliveries d JOIN notices n ON n.id = d.notice_id WHERE n.notice_date = $1`,
      [fixture.date],
    );
    expect(counts).toEqual({ sent: 120, other: 0 });
  });

  async function runId(projectId: string): Promise<string | undefined> {
    const [row] = await h.query<{ id: string }>('SELECT id FROM notice_runs WHERE project_id = $1', [projectId]);
    return row?.id;
  }
});
