import { getQueueToken } from '@nestjs/bullmq';
import { seedCrewsWithWork } from '@worksite/notices-testing';
import { METRICS_HASH, ProcessMetrics } from '@worksite/server-observability';
import { QueueName, REDIS } from '@worksite/server-queue';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { Writable } from 'node:stream';
import { createTestApp, TestApp } from '../testing/test-app';

/** The api's JSON log lines, parsed. */
class LogLines extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

describe('logs, request ids, metrics and health', () => {
  let t: TestApp;
  const logs = new LogLines();
  let projectId: string;

  beforeAll(async () => {
    t = await createTestApp({ INSTANCE_ID: 'api-under-test' }, { logDestination: logs });
    const date = addDays(localDateOf(Date.now(), 'Asia/Shanghai'), 1);
    projectId = (await seedCrewsWithWork(t.dataSource, { crews: 2, date, tasksPerCrew: 1 })).projectId;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('carries a request id from the request into its log line and into the jobs it queues', async () => {
    const sent = await t.http
      .post('/api/notice-runs')
      .set('X-Request-Id', 'req-observe-1')
      .send({ projectId, date: addDays(localDateOf(Date.now(), 'Asia/Shanghai'), 1) });
    expect(sent.status).toBe(201);
    expect(sent.headers['x-request-id']).toBe('req-observe-1');

    const line = logs.lines.find((l) => l['requestId'] === 'req-observe-1' && l['msg'] === 'request completed');
    expect(line).toMatchObject({
      level: 30,
      service: 'api',
      instance: 'api-under-test',
      req: { method: 'POST', url: '/api/notice-runs' },
      res: { statusCode: 201 },
    });
    expect(typeof line?.['responseTime']).toBe('number');

    const queue = t.app.get<Queue>(getQueueToken(QueueName.Notices));
    const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed', 'active']);
    const run = jobs.find((job) => job.name === 'run' && job.data.projectId === projectId);
    expect(run?.data.requestId).toBe('req-observe-1');
  });

  it('makes an id when none (or an unusable one) is given, and logs 4xx as warnings', async () => {
    const plain = await t.anonymous.get('/api/projects');
    expect(plain.status).toBe(401);
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await t.anonymous.get('/api/projects').set('X-Request-Id', 'has spaces; and more');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const line = logs.lines.find((l) => l['requestId'] === plain.headers['x-request-id']);
    expect(line).toMatchObject({ level: 40, res: { statusCode: 401 } });
  });

  it('says in /api/health which instance answered', async () => {
    const health = await t.anonymous.get('/api/health');
    expect(health.body.instance).toMatchObject({ id: 'api-under-test', service: 'api' });
    expect(health.headers['x-instance']).toBe('api-under-test');
  });

  it('tells the client how long the api worked on a request (Server-Timing)', async () => {
    const answered = await t.anonymous.get('/api/health');
    const timing = /^app;dur=(\d+(\.\d)?)$/.exec(answered.headers['server-timing'] ?? '');
    expect(timing).not.toBeNull();
    expect(Number(timing![1])).toBeGreaterThanOrEqual(0);
    expect(Number(timing![1])).toBeLessThan(10_000);
  });

  it('serves Prometheus metrics of every process and of the installation', async () => {
    await t.http.get(`/api/projects/${projectId}`).expect(200);
    await t.http.get(`/api/projects/${projectId}`).expect(200);
    // Another process (a second api or a worker) that published its figures a moment ago.
    const other = new ProcessMetrics();
    other.http.observe({ method: 'GET', route: '/api/projects/:id', status: '200' }, 0.02);
    other.jobs.observe({ queue: 'notices', job: 'crew', outcome: 'completed' }, 0.5);
    const redis = t.app.get<Redis>(REDIS);
    await redis.hset(
      METRICS_HASH,
      'worker-elsewhere',
      JSON.stringify({ at: Date.now(), metrics: await other.registry.getMetricsAsJSON() }),
    );
    // …and one that stopped long ago: left out and removed.
    await redis.hset(METRICS_HASH, 'gone', JSON.stringify({ at: Date.now() - 600_000, metrics: [] }));

    const scraped = await t.anonymous.get('/api/metrics');
    expect(scraped.status).toBe(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = scraped.text;
    const value = (series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      if (!line) throw new Error(`no series ${series} in /api/metrics`);
      return Number(line.slice(series.length + 1));
    };
    // Two requests here plus one of the other process.
    expect(value('http_request_duration_seconds_count{method="GET",route="/api/projects/:id",status="200"}')).toBe(3);
    expect(value('worksite_job_duration_seconds_count{queue="notices",job="crew",outcome="completed"}')).toBe(1);
    expect(value('worksite_queue_jobs{queue="notices",state="waiting"}')).toBeGreaterThanOrEqual(0);
    expect(value('worksite_deliveries_unknown')).toBe(0);
    expect(text).toContain('# TYPE worksite_deliveries gauge');
    expect(text).toContain('# TYPE worksite_night_run_duration_seconds gauge');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(await redis.hexists(METRICS_HASH, 'gone')).toBe(0);
  });

  it('asks for the token when METRICS_TOKEN is set', async () => {
    const guarded = await createTestApp({ METRICS_TOKEN: 'scrape-secret-0123456789' });
    try {
      const refused = await guarded.anonymous.get('/api/metrics').set('Accept-Language', 'en');
      expect(refused.status).toBe(401);
      expect(refused.body.message).toMatch(/METRICS_TOKEN/);
      const wrong = await guarded.anonymous.get('/api/metrics').set('Authorization', 'Bearer nope');
      expect(wrong.status).toBe(401);
      const allowed = await guarded.anonymous
        .get('/api/metrics')
        .set('Authorization', 'Bearer scrape-secret-0123456789');
      expect(allowed.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
