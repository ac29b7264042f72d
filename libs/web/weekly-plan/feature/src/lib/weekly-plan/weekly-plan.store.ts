import { computed, inject, Injectable, signal } from '@angular/core';
import { mayPlanProject, Role } from '@worksite/shared-domain';
import { percentPlanComplete, WeeklyPlanDto, weekStartOf, weekState } from '@worksite/shared-make-ready';
import { localDateOf } from '@worksite/shared-util-time';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ApiFailure } from '@worksite/web-core-data-access';
import { WeeklyPlanApi } from '@worksite/web-weekly-plan-data-access';
import { ProjectContext } from '../project-context';

/** One project's weekly work plan: the week on screen, its commitments and candidates, commit/uncommit. */
@Injectable()
export class WeeklyPlanStore {
  private readonly api = inject(WeeklyPlanApi);
  private readonly session = inject(SessionStore);
  readonly context = inject(ProjectContext);
  private seq = 0;

  readonly weekStart = signal<string | null>(null);
  readonly plan = signal<WeeklyPlanDto | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiFailure | null>(null);
  readonly busy = signal(false);
  readonly actionError = signal<ApiFailure | null>(null);

  /** Monday of this week in the project's zone. */
  readonly thisWeek = computed(() => weekStartOf(localDateOf(Date.now(), this.context.zone())));
  readonly ppc = computed(() => percentPlanComplete(this.plan()?.commitments ?? []));
  /** The week on screen against today (weekState): no PPC ahead of it, a figure so far while it runs. */
  readonly weekState = computed(() => {
    const week = this.weekStart();
    return week ? weekState(week, this.thisWeek()) : null;
  });
  readonly doneCount = computed(() => (this.plan()?.commitments ?? []).filter((c) => c.outcome === 'done').length);
  readonly madeReady = computed(() => (this.plan()?.commitments ?? []).filter((c) => c.madeReady).length);

  /** Planners commit any task; a crew lead only their crews' tasks; nobody once the week is frozen. */
  mayCommit(crewId: string | null): boolean {
    const plan = this.plan();
    const user = this.session.user();
    if (!plan || plan.frozen || !user) return false;
    if (mayPlanProject(user, plan.projectId)) return true;
    return user.role === Role.Contractor && !!crewId && user.crewIds.includes(crewId);
  }

  async load(projectId: string, weekStart: string | null): Promise<void> {
    const seq = ++this.seq;
    this.loading.set(true);
    this.error.set(null);
    try {
      await this.context.ensure(projectId);
      if (seq !== this.seq) return;
      const week = weekStartOf(weekStart ?? this.thisWeek());
      this.weekStart.set(week);
      const plan = await this.api.plan(projectId, week);
      if (seq === this.seq) this.plan.set(plan);
    } catch (error) {
      if (seq === this.seq) this.error.set(error as ApiFailure);
    } finally {
      if (seq === this.seq) this.loading.set(false);
    }
  }

  commit(taskIds: string[]): Promise<void> {
    return this.change((p) => this.api.commit(p.projectId, p.weekStart, taskIds));
  }

  uncommit(taskId: string): Promise<void> {
    return this.change((p) => this.api.uncommit(p.projectId, p.weekStart, taskId));
  }

  private async change(call: (plan: WeeklyPlanDto) => Promise<WeeklyPlanDto>): Promise<void> {
    const plan = this.plan();
    if (!plan) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      this.plan.set(await call(plan));
    } catch (error) {
      this.actionError.set(error as ApiFailure);
    } finally {
      this.busy.set(false);
    }
  }
}
