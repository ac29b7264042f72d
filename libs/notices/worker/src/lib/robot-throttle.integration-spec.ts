import { seedCrewsWithWork } from '@worksite/notices-testing';
import { startWorkerHarness, WorkerHarness } from '../testing/worker-harness';

/** Most messages in any window of `windowMs` (arrival times, less a little network slack). */
function busiestWindow(times: number[], windowMs: number, slackMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j < sorted.length && sorted[j] - sorted[i] < windowMs - slackMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

describe('a group-chat robot shared by 60 crews', () => {
  let h: WorkerHarness;

  afterEach(() => h?.close());

  it('is sent no more than its limit in any window; throttled sends wait without using attempts', async () => {
    // WeCom's 20 a minute, on a 5-second window so the test runs three windows quickly.
    h = await startWorkerHarness({ NOTICE_ROBOT_LIMITS: 'wecom=20/5', NOTICE_CONCURRENCY: 20 });
    const robot = h.http.url('/cgi-bin/webhook/send?key=shared-group');
    const fixture = await seedCrewsWithWork(h.dataSource, {
      crews: 60,
      date: '2030-06-14',
      channels: () => [{ kind: 'wecom', address: robot }],
    });
    const run = await h.runAndWait(fixture.projectId, fixture.date);
    expect(run).toMatchObject({ crewsDone: 60, crewsFailed: 0, deliveriesSent: 120 });

    const posts = h.http.to('/cgi-bin/webhook/send');
    expect(posts).toHaveLength(60);
    expect(
      busiestWindow(
        posts.map((p) => p.at),
        4000,
        150,
      ),
    ).toBeLessThanOrEqual(20);
    expect(posts[posts.length - 1].at - posts[0].at).toBeGreaterThanOrEqual(2 * 4000 - 150);
    // 40 of them had to wait for a later window, yet each was attempted once: waiting is no attempt.
    const attempts = await h.query<{ attempts: number }>(`SELECT attempts FROM deliveries WHERE kind = 'wecom'`);
    expect(attempts.every((d) => d.attempts === 1)).toBe(true);
  });

  it('sends 20, not 60, in the first minute under WeCom’s real limit', async () => {
    h = await startWorkerHarness({ NOTICE_CONCURRENCY: 20 });
    const robot = h.http.url('/cgi-bin/webhook/send?key=real-limit');
    const fixture = await seedCrewsWithWork(h.dataSource, {
      crews: 60,
      date: '2030-06-15',
      channels: () => [{ kind: 'wecom', address: robot }],
    });
    await h.jobs.addRun({ projectId: fixture.projectId, date: fixture.date, trigger: 'manual' });
    await h.http.waitFor('/cgi-bin/webhook/send', 20);
    await h.waitFor('every email sent', async () => h.sink.received.length === 60);
    // The other 40 wait for the robot's next window: nothing else is due, nothing is in flight.
    await h.settled();
    const posts = h.http.to('/cgi-bin/webhook/send');
    expect(posts).toHaveLength(20);
    const [row] = await h.query<{ planned: number; earliest: Date }>(
      `SELECT count(*)::int AS planned, min(next_attempt_at) AS earliest FROM deliveries
        WHERE kind = 'wecom' AND status = 'planned' AND attempts = 0`,
    );
    expect(row.planned).toBe(40);
    // The next slot opens a minute after the first post.
    expect(row.earliest.getTime()).toBeGreaterThanOrEqual(posts[0].at + 60_000 - 1000);
  });
});
