import { computed, inject, Injectable, signal } from '@angular/core';
import { MakeReadyConstraintDto, TaskReadinessDto } from '@worksite/shared-make-ready';
import { ApiFailure } from '@worksite/web-core-data-access';
import { ConstraintClearing } from './constraint-clearing';
import { MakeReadyApi } from './make-ready-api';

/**
 * Which tasks of a project are not ready: fetched once per project view (one request) and
 * refreshed after a constraint changes. Tasks absent from the map are ready. Provide it per page.
 */
@Injectable()
export class ReadinessStore {
  private readonly api = inject(MakeReadyApi);
  private seq = 0;
  private last: { projectId: string; from?: string; to?: string; withConstraints: boolean } | null = null;

  readonly byTask = signal<ReadonlyMap<string, TaskReadinessDto>>(new Map());
  /** The open constraints of the not-ready tasks, when loaded with `withConstraints`. */
  readonly openConstraints = signal<ReadonlyMap<string, MakeReadyConstraintDto[]>>(new Map());
  readonly error = signal<ApiFailure | null>(null);
  /** Marking a constraint cleared under its task (the day plan). */
  readonly clearing = new ConstraintClearing(this.api);
  /** Ids of the tasks with at least one open constraint (what the chart marks). */
  readonly notReadyIds = computed<ReadonlySet<string>>(
    () => new Set([...this.byTask().values()].filter((r) => !r.ready).map((r) => r.taskId)),
  );

  /** Readiness of the project's tasks (in a window of local dates when given). */
  async load(projectId: string, from?: string, to?: string, withConstraints = false): Promise<void> {
    const seq = ++this.seq;
    this.last = { projectId, from, to, withConstraints };
    try {
      const { tasks } = await this.api.readiness(projectId, from, to, withConstraints);
      if (seq !== this.seq) return;
      this.byTask.set(new Map(tasks.map((t) => [t.taskId, t])));
      this.openConstraints.set(
        new Map(tasks.flatMap((t) => (!t.ready && t.constraints ? [[t.taskId, t.constraints] as const] : []))),
      );
      this.error.set(null);
    } catch (error) {
      if (seq === this.seq)
        this.error.set(error instanceof ApiFailure ? error : new ApiFailure(0, 'error', String(error)));
    }
  }

  /** Marks a constraint cleared (with the version read), then loads again; a refusal is said. */
  async clear(constraint: MakeReadyConstraintDto): Promise<void> {
    await this.clearing.clear(constraint);
    await this.refresh();
  }

  /** Loads again what was loaded last (after a constraint was added, cleared or deleted). */
  async refresh(): Promise<void> {
    const last = this.last;
    if (last) await this.load(last.projectId, last.from, last.to, last.withConstraints);
  }
}
