import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { countsAsOpen, mayPlanProject } from '@worksite/shared-domain';
import { addDays } from '@worksite/shared-util-time';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ConflictTriage, ExchangeApi } from '@worksite/web-planning-data-access';
import {
  ConflictListComponent,
  NoticeStateBadgeComponent,
  ZonedTimePipe,
  ProjectHeaderComponent,
} from '@worksite/web-shared-ui';
import { DayPlanGrouping, DayPlanStore } from './day-plan.store';
import { DayTasksComponent } from './day-tasks.component';
import { DayPlanPrintComponent } from './day-plan-print.component';
import { ReadinessStore } from '@worksite/web-make-ready-data-access';

/**
 * The day plan ("tomorrow" by default, any date): per crew or per location, the tasks with
 * their times, work and materials; the day's conflicts; each crew's notice with send-now and
 * resend, and the night run's progress live.
 */
@Component({
  selector: 'ws-day-plan-page',
  imports: [
    DayPlanPrintComponent,
    TranslatePipe,
    ZonedTimePipe,
    NoticeStateBadgeComponent,
    ConflictListComponent,
    DayTasksComponent,
    ProjectHeaderComponent,
  ],
  providers: [DayPlanStore, ConflictTriage, ReadinessStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './day-plan-page.component.html',
  styleUrl: './day-plan-page.component.css',
})
export class DayPlanPage {
  readonly projectId = input.required<string>();
  /** `?date=YYYY-MM-DD`; tomorrow when absent. */
  readonly date = input<string | undefined>();

  protected readonly store = inject(DayPlanStore);
  /** The day's not-ready tasks with their open constraints. */
  protected readonly readiness = inject(ReadinessStore);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  private readonly noLocation = toSignal(inject(TranslateService).stream('dayPlan.noLocation'));
  /** Coordinators of the project and administrators send notices. */
  protected readonly maySend = computed(() => mayPlanProject(this.session.user(), this.projectId()));
  /** Who is signed in: a planner or an owner marks a constraint cleared under its task. */
  protected readonly user = computed(() => this.session.user() ?? null);
  // Decisions on the day's clashes; the count is of those still asking for attention.
  protected readonly triage = inject(ConflictTriage);
  protected readonly openConflicts = computed(() => this.store.conflicts().filter((c) => countsAsOpen(c.state)).length);

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const date = this.date();
      untracked(() => void this.store.load(projectId, date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null));
    });
    effect(() => this.store.noLocation.set(this.noLocation() ?? '—'));
    effect(() => {
      const day = this.store.date();
      const projectId = this.projectId();
      if (day) untracked(() => void this.readiness.load(projectId, day, day, true));
    });
    this.triage.connect({
      projectId: () => this.projectId(),
      conflicts: this.store.conflicts,
      reload: async () => void (await this.store.load(this.projectId(), this.store.date())),
    });
    effect(() => this.triage.canDecide.set(this.maySend()));
  }

  protected goTo(date: string): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    void this.router.navigate([], { queryParams: { date }, queryParamsHandling: 'merge' });
  }

  protected shift(days: number): void {
    const date = this.store.date();
    if (date) this.goTo(addDays(date, days));
  }

  protected tomorrow(): void {
    this.goTo(DayPlanStore.tomorrow(this.store.zone()));
  }

  private readonly exchange = inject(ExchangeApi);
  protected readonly exportFailed = signal(false);

  /** Downloads the day as .xlsx or CSV (the crews' tasks with times, place, materials and tools). */
  protected async export(format: 'xlsx' | 'csv'): Promise<void> {
    const date = this.store.date();
    if (!date) return;
    this.exportFailed.set(false);
    try {
      const code = this.store.project()?.code ?? 'day-plan';
      await this.exchange.download(
        `projects/${this.projectId()}/day-plan/${date}/export.${format}`,
        `${code}-${date}.${format}`,
      );
    } catch {
      this.exportFailed.set(true);
    }
  }

  protected setGrouping(value: string): void {
    this.store.grouping.set(value as DayPlanGrouping);
  }

  protected percent(done: number, total: number): number {
    return total > 0 ? Math.round((100 * done) / total) : 0;
  }
}
