import { processMetrics, serverTiming, timedJob } from './metrics';
import {
  addPhaseTime,
  currentRequestId,
  requestIdOf,
  startPhases,
  timedPhase,
  traced,
  withRequestId,
} from './request-context';

describe('request context', () => {
  it('gives a job the request id of the request that queued it, and the job its own work under it', async () => {
    const data = withRequestId('req-42', () => traced({ runId: 'r1' }));
    expect(data).toEqual({ runId: 'r1', requestId: 'req-42' });
    // The worker runs the job under that id: what the job logs or queues carries it again.
    const seen = await withRequestId(data.requestId, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { id: currentRequestId(), next: traced({ deliveryId: 'd1' }) };
    });
    expect(seen).toEqual({ id: 'req-42', next: { deliveryId: 'd1', requestId: 'req-42' } });
  });

  it('adds nothing outside a request (scheduler and watchdog jobs)', () => {
    expect(currentRequestId()).toBeUndefined();
    expect(traced({ runId: 'r1' })).toEqual({ runId: 'r1' });
    expect(withRequestId(undefined, () => currentRequestId())).toBeUndefined();
  });

  it('keeps a usable given id and replaces anything else', () => {
    expect(requestIdOf('abc-123:proxy.1')).toBe('abc-123:proxy.1');
    expect(requestIdOf(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'with space', 'x'.repeat(65), 'semi;colon']) {
      expect(requestIdOf(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('times jobs by outcome', async () => {
    const count = async (outcome: string) =>
      (await processMetrics.jobs.get()).values.find(
        (v) => v.metricName === 'worksite_job_duration_seconds_count' && v.labels['outcome'] === outcome,
      )?.value ?? 0;
    await timedJob('q', 'ok', async () => 'done');
    const delayed = Object.assign(new Error('moved'), { name: 'DelayedError' });
    await expect(timedJob('q', 'wait', () => Promise.reject(delayed))).rejects.toBe(delayed);
    await expect(timedJob('q', 'bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await count('completed')).toBe(1);
    expect(await count('delayed')).toBe(1);
    expect(await count('failed')).toBe(1);
  });

  it("sums the time of a timed request's phases by name, in the order they first ran", async () => {
    const phases = await withRequestId('req-phases', async () => {
      const timed = startPhases();
      const answer = await timedPhase('push-read', () => new Promise((resolve) => setTimeout(() => resolve(7), 20)));
      expect(answer).toBe(7);
      addPhaseTime('push-engine', 1.5);
      await expect(timedPhase('push-read', () => Promise.reject(new Error('lost')))).rejects.toThrow('lost');
      addPhaseTime('push-engine', 2);
      return timed;
    });
    expect([...(phases ?? new Map()).keys()]).toEqual(['push-read', 'push-engine']);
    expect(phases?.get('push-read')).toBeGreaterThanOrEqual(19);
    expect(phases?.get('push-engine')).toBe(3.5);
    expect(serverTiming(42.04, phases)).toMatch(/^app;dur=42\.0, push-read;dur=\d+\.\d, push-engine;dur=3\.5$/);
    expect(serverTiming(3)).toBe('app;dur=3.0');
  });

  it('times no phase outside a request, nor in a job that runs under a request id', async () => {
    expect(startPhases()).toBeUndefined();
    expect(await timedPhase('push-write', async () => 'written')).toBe('written');
    const inJob = withRequestId('req-job', () => {
      addPhaseTime('push-write', 5);
      return startPhases();
    });
    // A job's store times nothing: what it added before phases were started was not kept.
    expect(inJob?.size).toBe(0);
  });
});
