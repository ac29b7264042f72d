import { computed, inject, Injectable, signal, WritableSignal } from '@angular/core';
import {
  ConflictAssigneesDto,
  ConflictDecisionAction,
  ConflictDecisionDto,
  ConflictDto,
  stateAfter,
} from '@worksite/shared-domain';
import { ApiFailure } from '@worksite/web-core-data-access';
import { TaskEdit, TriageApi } from './triage-api';

/** A decision as the conflict list emits it (its ConflictDecisionEvent). */
export interface TriageDecision {
  conflict: ConflictDto;
  action: ConflictDecisionAction;
  reason?: string;
  assigneeUserId?: string;
  assigneeDepartmentId?: string;
  auditEntryId?: string;
  changeSetId?: string;
}

/**
 * One user action (a change set) that edited a clash's tasks, as the resolve form offers it:
 * `id` is its change set, or the audit entry of an edit made outside any.
 */
export interface TriageEdit {
  id: string;
  changeSetId: string | null;
  at: string;
  actorName: string;
  taskTitle: string;
  fields: string[];
}

/** Where the page keeps its clashes, and how it reloads them when a decision finds them stale. */
export interface TriageHost {
  projectId: () => string | null;
  conflicts: WritableSignal<ConflictDto[]>;
  reload: () => Promise<void>;
}

/**
 * Decisions on clashes for a page that lists them (Gantt, day plan): sends them with the
 * versions the clash was listed at, puts the new state into the page's list at once, loads
 * histories, the people and departments to escalate to, and the edits a resolution can
 * point at. A 409 (a task changed since) reloads the page's clashes and says so.
 */
@Injectable()
export class ConflictTriage {
  private readonly api = inject(TriageApi);
  private host: TriageHost | null = null;

  readonly histories = signal<ReadonlyMap<string, readonly ConflictDecisionDto[]>>(new Map());
  readonly assignees = signal<ConflictAssigneesDto | null>(null);
  readonly edits = signal<ReadonlyMap<string, readonly TriageEdit[]>>(new Map());
  readonly busyKey = signal<string | null>(null);
  readonly failure = signal<{ key: string; message: string } | null>(null);
  /** Set when a decision was saved (the page may say so). */
  readonly saved = signal<ConflictDecisionDto | null>(null);
  readonly canDecide = signal(false);

  /** What the conflict list shows (its ConflictTriageView). */
  readonly view = computed(() => ({
    canDecide: this.canDecide(),
    histories: this.histories(),
    assignees: this.assignees(),
    edits: this.edits(),
    busyKey: this.busyKey(),
    failure: this.failure(),
  }));

  connect(host: TriageHost): void {
    this.host = host;
  }

  async decide(decision: TriageDecision): Promise<void> {
    const projectId = this.host?.projectId();
    const { conflict, action } = decision;
    if (!projectId || !this.host) return;
    this.busyKey.set(conflict.key);
    this.failure.set(null);
    try {
      const saved = await this.api.decide(projectId, {
        key: conflict.key,
        action,
        reason: decision.reason,
        assigneeUserId: decision.assigneeUserId,
        assigneeDepartmentId: decision.assigneeDepartmentId,
        auditEntryId: decision.auditEntryId,
        changeSetId: decision.changeSetId,
        taskVersions: Object.fromEntries(conflict.taskIds.map((id, i) => [id, conflict.taskVersions?.[i] ?? 0])),
      });
      this.host.conflicts.update((list) =>
        list.map((c) => (c.key === conflict.key ? { ...c, state: stateAfter(saved.action), decision: saved } : c)),
      );
      this.saved.set(saved);
      if (this.histories().has(conflict.key)) await this.loadHistory(conflict);
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(0, 'error', String(error));
      this.failure.set({ key: conflict.key, message: failure.message });
      // A task changed since the list was loaded (or the clash is gone): show the plan as it is.
      if (failure.status === 409 || failure.status === 404) await this.host.reload();
    } finally {
      this.busyKey.set(null);
    }
  }

  async loadHistory(conflict: ConflictDto): Promise<void> {
    const projectId = this.host?.projectId();
    if (!projectId) return;
    try {
      const entries = await this.api.history(projectId, conflict.key);
      this.histories.update((all) => new Map(all).set(conflict.key, entries));
    } catch {
      this.histories.update((all) => new Map(all).set(conflict.key, []));
    }
  }

  /** Loads what a decision form offers: people to escalate to, the latest edits of the clash's tasks. */
  async prepare(conflict: ConflictDto, action: ConflictDecisionAction): Promise<void> {
    const projectId = this.host?.projectId();
    if (!projectId) return;
    if (action === 'escalate' && !this.assignees()) {
      this.assignees.set(await this.api.assignees(projectId).catch(() => ({ users: [], departments: [] })));
    }
    if (action === 'resolve') {
      const lists = await Promise.all(
        conflict.taskIds.map((id, i) =>
          this.api
            .edits(projectId, id)
            .then((edits) => edits.map((edit) => ({ edit, taskTitle: conflict.taskTitles[i] ?? id })))
            .catch(() => []),
        ),
      );
      const edits = editsByChangeSet(lists.flat());
      this.edits.update((all) => new Map(all).set(conflict.key, edits));
    }
  }
}

/**
 * The edits of a clash's tasks as user actions, newest first: the entries of one change set
 * (a drag that moved both tasks, a bulk edit) are one option naming every task and field.
 */
export function editsByChangeSet(entries: readonly { edit: TaskEdit; taskTitle: string }[]): TriageEdit[] {
  const groups = new Map<string, TriageEdit>();
  for (const { edit, taskTitle } of entries) {
    const id = edit.changeSetId ?? edit.id;
    const fields = Object.keys(edit.changes ?? {});
    const group = groups.get(id);
    if (!group) {
      groups.set(id, {
        id,
        changeSetId: edit.changeSetId ?? null,
        at: edit.at,
        actorName: edit.actorName,
        taskTitle,
        fields,
      });
      continue;
    }
    if (edit.at > group.at) Object.assign(group, { at: edit.at, actorName: edit.actorName });
    if (!group.taskTitle.split('、').includes(taskTitle)) group.taskTitle += `、${taskTitle}`;
    group.fields = [...new Set([...group.fields, ...fields])];
  }
  return [...groups.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
