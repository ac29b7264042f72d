import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The header that carries a request's id in and out (a proxy's id is kept, else one is made). */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a caller may give as a request id: short, printable, no spaces. */
const ACCEPTED = /^[A-Za-z0-9._:-]{1,64}$/;

/** What runs as part of a request: its id, and (for an HTTP request) the time spent in named phases. */
interface RequestStore {
  readonly requestId: string;
  /** Milliseconds by phase, summed; present while an HTTP request is timed (see startPhases). */
  phases?: Map<string, number>;
}

const storage = new AsyncLocalStorage<RequestStore>();

/** The id of the request (or of the job a request caused) running now, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs `fn` as part of the request `requestId` (a job runs as part of the request that queued it). */
export function withRequestId<T>(requestId: string | undefined, fn: () => T): T {
  return requestId ? storage.run({ requestId }, fn) : fn();
}

/** A job's payload with the current request's id added, so the worker logs it under the same id. */
export function traced<T extends object>(data: T): T & { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { ...data, requestId } : data;
}

/**
 * Starts timing the phases of the request running now (the HTTP middleware does, so that its
 * Server-Timing answer can name them); undefined outside a request.
 */
export function startPhases(): ReadonlyMap<string, number> | undefined {
  const store = storage.getStore();
  if (!store) return undefined;
  store.phases = new Map();
  return store.phases;
}

/** Adds `ms` to the time the request running now spent in `phase` (nothing outside a timed request). */
export function addPhaseTime(phase: string, ms: number): void {
  const phases = storage.getStore()?.phases;
  if (phases) phases.set(phase, (phases.get(phase) ?? 0) + ms);
}

/** Runs `work`, adding the time until it settles to `phase` of the request running now (see addPhaseTime). */
export async function timedPhase<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const began = performance.now();
  try {
    return await work();
  } finally {
    addPhaseTime(phase, performance.now() - began);
  }
}

/** The id a request runs under: the one it came with (from a proxy or client) when acceptable, else a new UUID. */
export function requestIdOf(given: string | string[] | undefined): string {
  const value = Array.isArray(given) ? given[0] : given;
  return value && ACCEPTED.test(value) ? value : randomUUID();
}

/**
 * Express middleware, first in the chain: gives the request its id (`req.id`, read by the
 * HTTP logger), answers it in X-Request-Id and runs the rest of the request under it.
 */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const id = requestIdOf(request.headers['x-request-id']);
  (request as Request & { id?: string }).id = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  withRequestId(id, next);
}
