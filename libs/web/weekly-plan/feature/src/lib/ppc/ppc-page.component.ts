import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  PpcReportDto,
  VARIANCE_REASON_NAMES,
  VarianceReason,
  weekDates,
  weekStartOf,
  weekState,
} from '@worksite/shared-make-ready';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { ApiFailure } from '@worksite/web-core-data-access';
import { ProjectHeaderComponent } from '@worksite/web-shared-ui';
import { WeeklyPlanApi } from '@worksite/web-weekly-plan-data-access';
import { ProjectContext } from '../project-context';
import { EchartComponent } from './echart.component';
import { groupChartHeight, groupOption, paretoOption, PpcChartLabels, trendOption } from './ppc-charts';

/** Window lengths the page offers, in weeks. */
export const PPC_WINDOWS = [8, 12, 26] as const;

/**
 * Percent plan complete: by week (with tasks made ready), per department and per crew, and the
 * reasons for variance as a Pareto chart; the same figures as an Excel workbook.
 */
@Component({
  selector: 'ws-ppc-page',
  imports: [TranslatePipe, EchartComponent, ProjectHeaderComponent],
  providers: [ProjectContext],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ppc-page.component.html',
  styleUrls: ['../page.css', './ppc-page.component.css'],
})
export class PpcPage {
  readonly projectId = input.required<string>();

  private readonly api = inject(WeeklyPlanApi);
  protected readonly context = inject(ProjectContext);
  private readonly translate = inject(TranslateService);
  // Re-translate the charts when the language changes.
  private readonly lang = toSignal(this.translate.onLangChange);
  private seq = 0;

  protected readonly windows = PPC_WINDOWS;
  protected readonly groupHeight = groupChartHeight;
  protected readonly weeks = signal<number>(12);
  protected readonly report = signal<PpcReportDto | null>(null);
  protected readonly error = signal<ApiFailure | null>(null);
  protected readonly exportError = signal<ApiFailure | null>(null);
  protected readonly exporting = signal(false);

  private readonly today = computed(() => localDateOf(Date.now(), this.context.zone()));
  /** The window's weeks, ending with the week under way. */
  protected readonly range = computed(() => {
    const to = weekStartOf(this.today());
    return { from: addDays(to, -7 * (this.weeks() - 1)), to };
  });
  private readonly labels = computed<PpcChartLabels>(() => {
    this.lang();
    const lang = this.translate.getCurrentLang() === 'en' ? 'en' : 'zh-CN';
    const t = (key: string) => this.translate.instant(key) as string;
    return {
      ppc: t('ppc.ppc'),
      ppcSoFar: t('ppc.ppcSoFar'),
      tmr: t('ppc.tmr'),
      count: t('ppc.count'),
      cumulative: t('ppc.cumulative'),
      reason: (code) => VARIANCE_REASON_NAMES[code as VarianceReason]?.[lang] ?? code,
    };
  });
  protected readonly trend = computed(() => {
    const report = this.report();
    return report ? trendOption(report, this.labels(), this.range().to) : null;
  });
  protected readonly pareto = computed(() => {
    const report = this.report();
    return report?.pareto.length ? paretoOption(report, this.labels()) : null;
  });
  protected readonly byDepartment = computed(() =>
    this.groupChart(
      (this.report()?.byDepartment ?? []).map((r) => ({ ...r, name: this.context.departmentName(r.departmentId) })),
    ),
  );
  protected readonly byCrew = computed(() =>
    this.groupChart((this.report()?.byCrew ?? []).map((r) => ({ ...r, name: this.context.crewName(r.crewId) }))),
  );
  /** The latest finished week with commitments, for the headline figures. */
  protected readonly latest = computed(() =>
    [...(this.report()?.weeks ?? [])]
      .reverse()
      .find((w) => w.committed > 0 && weekState(w.weekStart, this.today()) === 'over'),
  );
  /** The week under way (the range ends with it), when it has commitments: its figures so far. */
  protected readonly running = computed(() =>
    this.report()?.weeks.find((w) => w.committed > 0 && weekState(w.weekStart, this.today()) === 'running'),
  );

  /** The Sunday of a week, for a range of weeks said in dates. */
  protected weekEnd(weekStart: string): string {
    return weekDates(weekStart)[6];
  }

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      this.weeks();
      untracked(() => void this.load(projectId));
    });
  }

  protected async exportXlsx(): Promise<void> {
    this.exporting.set(true);
    this.exportError.set(null);
    try {
      await this.api.downloadPpc(this.projectId(), this.range());
    } catch (error) {
      this.exportError.set(error as ApiFailure);
    } finally {
      this.exporting.set(false);
    }
  }

  private groupChart(rows: { name: string; ppc: number | null }[]) {
    return rows.length ? groupOption(rows, this.labels()) : null;
  }

  private async load(projectId: string): Promise<void> {
    const seq = ++this.seq;
    this.error.set(null);
    try {
      await this.context.ensure(projectId);
      if (seq !== this.seq) return;
      const report = await this.api.ppc(projectId, this.range());
      if (seq === this.seq) this.report.set(report);
    } catch (error) {
      if (seq === this.seq) this.error.set(error as ApiFailure);
    }
  }
}
