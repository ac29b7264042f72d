import type { ConflictKind } from './conflict-kinds';

/**
 * Decisions on clashes (street-works coordination's decision record): a clash is accepted
 * (with a reason), resolved (by an edit), escalated (to a person or a department, with a
 * note) or reopened. Every decision is a row of its own; the latest one gives the clash its
 * state. One definition for the api, the seed and the web app.
 */
export const CONFLICT_DECISION_ACTIONS = ['accept', 'resolve', 'escalate', 'reopen'] as const;
export type ConflictDecisionAction = (typeof CONFLICT_DECISION_ACTIONS)[number];

/** The state of a clash: open until decided, and open again once reopened. */
export const CONFLICT_STATES = ['open', 'accepted', 'resolved', 'escalated'] as const;
export type ConflictState = (typeof CONFLICT_STATES)[number];

/** The state a decision puts its clash in. */
export function stateAfter(action: ConflictDecisionAction): ConflictState {
  switch (action) {
    case 'accept':
      return 'accepted';
    case 'resolve':
      return 'resolved';
    case 'escalate':
      return 'escalated';
    case 'reopen':
      return 'open';
  }
}

/**
 * Whether a clash still asks for attention (and counts in the badge): open and escalated ones
 * do; accepted and resolved ones stay visible, flagged, but stop counting.
 */
export function countsAsOpen(state: ConflictState | undefined): boolean {
  return state === undefined || state === 'open' || state === 'escalated';
}

/** What of a task a decision was made against: its version and the fingerprint of what matters to a clash. */
export interface DecidedTaskState {
  version: number;
  fingerprint: string;
}

/** The fields of a task whose change reopens a decision on one of its clashes. */
export interface FingerprintSource {
  plannedStart: Date | string | number;
  plannedFinish: Date | string | number;
  crewId: string | null;
  locationId: string | null;
  status: string;
  schedulingMode: string;
  constraintType: string | null;
  constraintAt: Date | string | number | null;
  needsUtilities: readonly string[];
  interruptionKind: string | null;
  interruptionStartsAt: Date | string | number | null;
  interruptionEndsAt: Date | string | number | null;
  interruptionLocationIds: readonly string[];
}

const epoch = (value: Date | string | number | null): string =>
  value === null ? '-' : String(value instanceof Date ? value.getTime() : new Date(value).getTime());

/**
 * A canonical text of what matters to a task's clashes — dates, crew, location, status, mode
 * and constraint, the utilities it needs and the cut it causes — and nothing else (progress,
 * notes or materials change the version, not the clash). Equal texts: the decision still holds.
 */
export function conflictFingerprint(task: FingerprintSource): string {
  return [
    epoch(task.plannedStart),
    epoch(task.plannedFinish),
    task.crewId ?? '-',
    task.locationId ?? '-',
    task.status,
    task.schedulingMode,
    task.constraintType ?? '-',
    epoch(task.constraintAt),
    [...task.needsUtilities].sort().join(','),
    task.interruptionKind ?? '-',
    epoch(task.interruptionStartsAt),
    epoch(task.interruptionEndsAt),
    [...task.interruptionLocationIds].sort().join(','),
  ].join('|');
}

/** The tasks of a decision whose fingerprint differs now (or that are gone): a decision on them is stale. */
export function changedTasks(
  decided: Readonly<Record<string, DecidedTaskState>>,
  current: (taskId: string) => string | undefined,
): string[] {
  return Object.entries(decided)
    .filter(([taskId, state]) => current(taskId) !== state.fingerprint)
    .map(([taskId]) => taskId);
}

/** One decision on a clash, as the API returns it (the history is a list of these, oldest first). */
export interface ConflictDecisionDto {
  id: string;
  key: string;
  kind: ConflictKind;
  action: ConflictDecisionAction;
  /** accept: the reason; escalate: the note; resolve and reopen: an optional note. */
  reason: string | null;
  /** escalate: to whom. */
  assigneeUserId: string | null;
  assigneeDepartmentId: string | null;
  assigneeName: string | null;
  /** resolve: the edit that resolved it (an audit entry, and the change set it belongs to). */
  auditEntryId: string | null;
  changeSetId: string | null;
  /** resolve: the edit itself — who changed which task (or link), when, and which fields. */
  edit: { at: string; actorName: string; entity: string; entityId: string; fields: string[] } | null;
  taskIds: string[];
  /** reopen: the tasks whose change reopened the clash (none when reopened by hand). */
  changedTaskIds: string[];
  /** reopen: the decision it reopened. */
  reopensId: string | null;
  /** Null for decisions made by the system (automatic reopening, the demo seed). */
  decidedById: string | null;
  decidedByName: string;
  decidedAt: string;
}

/** POST /api/projects/:id/conflict-decisions */
export interface ConflictDecisionRequest {
  key: string;
  action: ConflictDecisionAction;
  reason?: string;
  assigneeUserId?: string;
  assigneeDepartmentId?: string;
  auditEntryId?: string;
  changeSetId?: string;
  /** The versions of the clash's tasks the decision was made against (a clash's `taskVersions`). */
  taskVersions: Record<string, number>;
}

/** Who a clash can be escalated to. */
export interface ConflictAssigneesDto {
  users: { id: string; name: string; role: string; departmentName: string | null }[];
  departments: { id: string; name: string; kind: string }[];
}
