import { jobIds } from '@worksite/notices-data-access';
import { seedCrewsWithWork } from '@worksite/notices-testing';
import { Job } from 'bullmq';
import { startWorkerHarness, WorkerHarness } from '../testing/worker-harness';

describe('a run as a BullMQ flow, its crews added in chunks', () => {
  let h: WorkerHarness;

  beforeAll(async () => {
    h = await startWorkerHarness({ NOTICE_CONCURRENCY: 20 });
  });

  afterAll(() => h?.close());

  it('runs the summary once, after the last crew job of every chunk, and releases the hold', async () => {
    // More crews than one chunk of the fan-out (500), so the summary must wait across chunks.
    const fixture = await seedCrewsWithWork(h.dataSource, { crews: 1100, date: '2030-07-02' });
    const run = await h.runAndWait(fixture.projectId, fixture.date, 120_000);
    expect(run).toMatchObject({ crewsTotal: 1100, crewsDone: 1100, deliveriesSent: 1100 });

    const summary = await h.waitFor('the summary job', async () => {
      const job = await h.jobs.queue.getJob(jobIds.runSummary(run.id));
      return job?.finishedOn ? job : undefined;
    });
    expect(await summary.getState()).toBe('completed');
    const crewJobs = (await h.jobs.queue.getJobs(['completed'], 0, -1)).filter(
      (job: Job) => job.name === 'crew' && job.data.runId === run.id,
    );
    expect(crewJobs).toHaveLength(1100);
    expect(crewJobs.every((job) => job.parentKey === `${h.jobs.queue.qualifiedName}:${summary.id}`)).toBe(true);
    const lastCrew = Math.max(...crewJobs.map((job) => job.finishedOn ?? Infinity));
    expect(summary.processedOn).toBeGreaterThanOrEqual(lastCrew);
    // Every crew and the hold were its children; the fan-out released the hold (promoted it:
    // BullMQ sets its delay to 0) rather than its own delay running out.
    expect((await summary.getDependenciesCount({ processed: true })).processed).toBe(1101);
    const hold = await h.jobs.queue.getJob(jobIds.runHold(run.id));
    expect(await hold?.getState()).toBe('completed');
    expect(hold?.delay).toBe(0);
    expect(h.sink.countsByRecipient().size).toBe(1100);
  });
});
