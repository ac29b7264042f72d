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
  /** resolve: the edit chosen (absent: the latest edit of the clash's tasks). */
  auditEntryId?: string;
}

/** An edit a resolution can point at, as the list offers it. */
export interface ConflictEditOption {
  id: string;
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
