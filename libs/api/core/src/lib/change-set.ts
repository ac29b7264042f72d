import { HttpStatus } from '@nestjs/common';
import { Actor } from '@worksite/auth-access';
import { preparedQuery } from '@worksite/server-data-access';
import { CHANGE_SET_HEADER } from '@worksite/shared-domain';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ApiError } from './api-error';
import { sendError } from './error-body';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface ChangeSetScope {
  readonly id: string;
  /** Transactions that have registered the change set row already. */
  readonly registered: WeakSet<EntityManager>;
}

const storage = new AsyncLocalStorage<ChangeSetScope>();

/** The change set of the running request (null outside a write request, e.g. in jobs). */
export function currentChangeSetId(): string | null {
  return storage.getStore()?.id ?? null;
}

/** Runs `fn` with `id` as the current change set (tests, jobs, the undo itself). */
export function runInChangeSet<T>(id: string, fn: () => T): T {
  return storage.run({ id, registered: new WeakSet() }, fn);
}

/**
 * Express middleware: every write request runs in a change set, the one its X-Change-Set
 * header names (a UUID, else 400) or a new one; the answer names it in the same header, so
 * any client can undo what a request did.
 */
export function changeSetMiddleware(request: Request, response: Response, next: NextFunction): void {
  if (!WRITES.has(request.method)) return next();
  const given = request.header(CHANGE_SET_HEADER);
  if (given !== undefined && !UUID.test(given)) {
    return sendError(request, response, ApiError.badRequest('change_set_header_invalid'));
  }
  const id = given?.toLowerCase() ?? randomUUID();
  response.setHeader(CHANGE_SET_HEADER, id);
  runInChangeSet(id, next);
}

/**
 * The current change set, registered (once per transaction) under the actor who writes in it:
 * a change set belongs to one user and takes no more edits once it was undone (409).
 */
export async function changeSetOf(
  manager: EntityManager,
  actor: Actor,
  projectId: string | null,
): Promise<string | null> {
  const scope = storage.getStore();
  if (!scope) return null;
  if (scope.registered.has(manager)) return scope.id;
  const actorId = actor.sessionId ? actor.id : null;
  const [row] = (await preparedQuery(
    manager,
    `INSERT INTO change_sets (id, actor_id, actor_name, project_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET project_id = coalesce(change_sets.project_id, excluded.project_id)
     RETURNING actor_id AS "actorId", reverted_by_id AS "revertedById"`,
    [scope.id, actorId, actor.name, projectId],
  )) as { actorId: string | null; revertedById: string | null }[];
  if (row.actorId !== actorId || row.revertedById !== null) {
    throw new ApiError(HttpStatus.CONFLICT, 'change_set_foreign', 'change_set_foreign', { changeSetId: scope.id });
  }
  scope.registered.add(manager);
  return scope.id;
}
