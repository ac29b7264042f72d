import type { NextFunction, Request, Response } from 'express';
import { AggregatorRegistry, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { startPhases } from './request-context';

/** One process's metrics as `registry.getMetricsAsJSON()` gives them. */
export type MetricsSnapshot = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

/**
 * This process's own metrics: Node's defaults (CPU, memory, event loop, GC), HTTP latency by
 * route and job durations. Every process publishes them (MetricsPublisher) so that /api/metrics
 * of any api instance answers for the whole installation.
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  readonly http = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, from arrival to the last byte sent',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly jobs = new Histogram({
    name: 'worksite_job_duration_seconds',
    help: 'Queue jobs by queue, job name and outcome (completed, failed, delayed)',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

/** The one set of process metrics of this process. */
export const processMetrics = new ProcessMetrics();

/** The route pattern of a request, not its URL, so that the label has few values. */
function routeOf(request: Request): string {
  const route = (request as Request & { route?: { path?: string } }).route?.path;
  if (route) return `${request.baseUrl}${route}`;
  return request.originalUrl.startsWith('/api/') ? 'unmatched' : 'static';
}

/**
 * The Server-Timing value of an answer: the time the api worked on it (`app`), then the phases
 * it timed (e.g. `push-write`, see timedPhase), each in ms with one decimal.
 */
export function serverTiming(appMs: number, phases: ReadonlyMap<string, number> = new Map()): string {
  return [['app', appMs] as const, ...phases].map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`).join(', ');
}

/**
 * Express middleware (after the request id's): times every request until its answer is sent,
 * and tells the client how long the api worked on it before answering and in which timed
 * phases (`Server-Timing: app;dur=<ms>, push-read;dur=<ms>, …`, the W3C header browsers'
 * developer tools and the benchmarks read).
 */
export function httpMetricsMiddleware(request: Request, response: Response, next: NextFunction): void {
  const end = processMetrics.http.startTimer();
  const began = performance.now();
  const phases = startPhases();
  const writeHead = response.writeHead;
  response.writeHead = function (this: Response, ...args: unknown[]) {
    if (!this.headersSent) this.setHeader('Server-Timing', serverTiming(performance.now() - began, phases));
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as Response['writeHead'];
  response.once('finish', () =>
    end({ method: request.method, route: routeOf(request), status: String(response.statusCode) }),
  );
  next();
}

/** Times one job's handler, labelled with its outcome (a job that moves itself to delayed counts as such). */
export async function timedJob<T>(queue: string, job: string, run: () => Promise<T>): Promise<T> {
  const end = processMetrics.jobs.startTimer({ queue, job });
  try {
    const result = await run();
    end({ outcome: 'completed' });
    return result;
  } catch (error) {
    end({ outcome: (error as Error)?.name === 'DelayedError' ? 'delayed' : 'failed' });
    throw error;
  }
}

/** Several processes' metrics (as `registry.getMetricsAsJSON()` gives them) merged into one registry. */
export function mergedMetrics(snapshots: MetricsSnapshot[]): Registry {
  return AggregatorRegistry.aggregate(snapshots);
}
