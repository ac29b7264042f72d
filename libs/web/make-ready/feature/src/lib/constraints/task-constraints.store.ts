import { inject, Injectable, signal } from '@angular/core';
import { ConstraintOwnerCandidate, MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { ApiFailure } from '@worksite/web-core-data-access';
import { MakeReadyApi, NewConstraintRequest, sortConstraints } from '@worksite/web-make-ready-data-access';

/** What went wrong with the last action: a 409 (someone else changed it: reloaded) or another failure. */
export interface ConstraintFailure {
  stale: boolean;
  message: string;
}

/**
 * One task's make-ready constraints in the side panel: list, add, clear/reopen, delete. Every
 * write carries the version read; a 409 reloads the list and says so, as the Gantt does.
 */
@Injectable()
export class TaskConstraintsStore {
  private readonly api = inject(MakeReadyApi);
  private seq = 0;
  private taskId: string | null = null;

  readonly list = signal<MakeReadyConstraintDto[]>([]);
  readonly loading = signal(false);
  readonly busy = signal(false);
  readonly loadError = signal<string | null>(null);
  readonly failure = signal<ConstraintFailure | null>(null);
  readonly users = signal<ConstraintOwnerCandidate[]>([]);

  async load(taskId: string): Promise<void> {
    const seq = ++this.seq;
    this.taskId = taskId;
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const list = await this.api.constraints(taskId);
      if (seq === this.seq) this.list.set(sortConstraints(list));
    } catch (error) {
      if (seq === this.seq) this.loadError.set(messageOf(error));
    } finally {
      if (seq === this.seq) this.loading.set(false);
    }
  }

  /** People of the project to choose as owner; when they cannot be read, only departments are offered. */
  async loadUsers(projectId: string): Promise<void> {
    try {
      this.users.set(await this.api.ownerCandidates(projectId));
    } catch {
      this.users.set([]);
    }
  }

  add(request: NewConstraintRequest): Promise<boolean> {
    const taskId = this.taskId;
    if (!taskId) return Promise.resolve(false);
    return this.write(async () => {
      const created = await this.api.add(taskId, request);
      this.list.update((list) => sortConstraints([...list, created]));
    });
  }

  move(c: MakeReadyConstraintDto, to: 'clear' | 'reopen'): Promise<boolean> {
    return this.write(async () => {
      const moved = await this.api.move(c, to);
      this.list.update((list) => sortConstraints(list.map((x) => (x.id === moved.id ? moved : x))));
    });
  }

  remove(c: MakeReadyConstraintDto): Promise<boolean> {
    return this.write(async () => {
      await this.api.remove(c);
      this.list.update((list) => list.filter((x) => x.id !== c.id));
    });
  }

  private async write(action: () => Promise<void>): Promise<boolean> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      await action();
      return true;
    } catch (error) {
      const stale = error instanceof ApiFailure && error.status === 409;
      this.failure.set({ stale, message: messageOf(error) });
      // Someone else changed it: show what is stored now.
      if (stale && this.taskId) await this.load(this.taskId);
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
