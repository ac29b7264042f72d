import { processMetrics, timedJob } from './metrics';
import { currentRequestId, requestIdOf, traced, withRequestId } from './request-context';

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
});
