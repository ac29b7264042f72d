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

/** The user an audit row or change set names: none for a system actor (jobs, the seed), which has no session. */
export function recordedActorId(actor: Actor): string | null {
  return actor.sessionId ? actor.id : null;
}

/**
 * The statement registering a change set ($1 id, $2 actor id, $3 actor name, $4 project), also
 * run inside another statement (recordAudits) as a CTE: it answers the owner and the undo.
 */
export const REGISTER_CHANGE_SET = `INSERT INTO change_sets (id, actor_id, actor_name, project_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET project_id = coalesce(change_sets.project_id, excluded.project_id)
     RETURNING actor_id AS "actorId", reverted_by_id AS "revertedById"`;

/** What REGISTER_CHANGE_SET answers. */
export interface RegisteredChangeSet {
  actorId: string | null;
  revertedById: string | null;
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
  const pending = changeSetToRegister(manager, actor, projectId);
  if (!pending) return currentChangeSetId();
  const [row] = (await preparedQuery(manager, REGISTER_CHANGE_SET, pending.parameters)) as RegisteredChangeSet[];
  return changeSetRegistered(manager, actor, row);
}

/**
 * The current change set when this transaction has not registered it yet, with the parameters
 * of REGISTER_CHANGE_SET; undefined outside a change set or once registered.
 */
export function changeSetToRegister(
  manager: EntityManager,
  actor: Actor,
  projectId: string | null,
): { id: string; parameters: [string, string | null, string, string | null] } | undefined {
  const scope = storage.getStore();
  if (!scope || scope.registered.has(manager)) return undefined;
  return { id: scope.id, parameters: [scope.id, recordedActorId(actor), actor.name, projectId] };
}

/** Checks what REGISTER_CHANGE_SET answered (the change set is the actor's, not undone) and remembers it for the transaction. */
export function changeSetRegistered(manager: EntityManager, actor: Actor, row: RegisteredChangeSet): string {
  const scope = storage.getStore();
  if (!scope) throw new Error('changeSetRegistered outside a change set');
  if (row.actorId !== recordedActorId(actor) || row.revertedById !== null) {
    throw new ApiError(HttpStatus.CONFLICT, 'change_set_foreign', 'change_set_foreign', { changeSetId: scope.id });
  }
  scope.registered.add(manager);
  return scope.id;
}
