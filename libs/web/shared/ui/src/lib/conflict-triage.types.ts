import {
  ConflictAssigneesDto,
  ConflictDecisionAction,
  ConflictDecisionDto,
  ConflictDto,
} from '@worksite/shared-domain';

/** A decision the user made in the conflict list, to be sent by the page. */
export interface ConflictDecisionEvent {
  conflict: ConflictDto;
  action: ConflictDecisionAction;
  reason?: string;
  assigneeUserId?: string;
  assigneeDepartmentId?: string;
  /** resolve: the edit chosen, by its change set (or, outside any, its audit entry). */
  auditEntryId?: string;
  changeSetId?: string;
}

/** A user action (change set) that edited the clash's tasks, as the resolve form offers it. */
export interface ConflictEditOption {
  /** Its change set, or the audit entry of an edit made outside any. */
  id: string;
  changeSetId: string | null;
  at: string;
  actorName: string;
  taskTitle: string;
  fields: string[];
}

/** What the list shows besides the clashes: histories, escalation targets, edits, progress. */
export interface ConflictTriageView {
  /** Whether the user may decide (plans the project). */
  canDecide: boolean;
  histories: ReadonlyMap<string, readonly ConflictDecisionDto[]>;
  assignees: ConflictAssigneesDto | null;
  edits: ReadonlyMap<string, readonly ConflictEditOption[]>;
  /** The clash whose decision is being sent. */
  busyKey: string | null;
  /** Why the last decision on a clash was refused. */
  failure: { key: string; message: string } | null;
}

export const NO_TRIAGE: ConflictTriageView = {
  canDecide: false,
  histories: new Map(),
  assignees: null,
  edits: new Map(),
  busyKey: null,
  failure: null,
};

/** Which clashes the list shows: those that count (open, escalated), the settled ones, or all. */
export type ConflictFilter = 'all' | 'open' | 'settled';
