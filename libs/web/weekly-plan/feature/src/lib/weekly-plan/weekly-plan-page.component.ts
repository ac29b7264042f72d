import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { addDays } from '@worksite/shared-util-time';
import { ProjectHeaderComponent, VarianceReasonPipe, ZonedRangePipe, ZonedTimePipe } from '@worksite/web-shared-ui';
import { ProjectContext } from '../project-context';
import { WeeklyPlanStore } from './weekly-plan.store';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The weekly work plan: the week's commitments (made ready or not, and what became of them) and
 * the week's other tasks to commit, with their readiness. Frozen once the week has begun.
 */
@Component({
  selector: 'ws-weekly-plan-page',
  imports: [TranslatePipe, ZonedTimePipe, ZonedRangePipe, VarianceReasonPipe, ProjectHeaderComponent],
  providers: [WeeklyPlanStore, ProjectContext],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './weekly-plan-page.component.html',
  styleUrls: ['../page.css', './weekly-plan-page.component.css'],
})
export class WeeklyPlanPage {
  readonly projectId = input.required<string>();
  /** `?week=YYYY-MM-DD` (any day of it); this week when absent. */
  readonly week = input<string | undefined>();

  protected readonly store = inject(WeeklyPlanStore);
  protected readonly context = inject(ProjectContext);
  private readonly router = inject(Router);
  protected readonly zone = computed(() => this.context.zone());
  /** Candidates ticked for one "commit" call. */
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly candidates = computed(() =>
    (this.store.plan()?.candidates ?? []).filter((c) => this.store.mayCommit(c.crewId)),
  );
  protected readonly othersHidden = computed(
    () => (this.store.plan()?.candidates.length ?? 0) - this.candidates().length,
  );

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const week = this.week();
      untracked(() => {
        this.chosen.set(new Set());
        void this.store.load(projectId, week && DATE.test(week) ? week : null);
      });
    });
  }

  protected goTo(date: string): void {
    if (DATE.test(date)) void this.router.navigate([], { queryParams: { week: date } });
  }

  protected shift(weeks: number): void {
    const week = this.store.weekStart();
    if (week) this.goTo(addDays(week, 7 * weeks));
  }

  protected toggle(taskId: string, on: boolean): void {
    const next = new Set(this.chosen());
    if (on) next.add(taskId);
    else next.delete(taskId);
    this.chosen.set(next);
  }

  protected async commitChosen(): Promise<void> {
    const ids = [...this.chosen()];
    if (!ids.length) return;
    await this.store.commit(ids);
    if (!this.store.actionError()) this.chosen.set(new Set());
  }
}
