import { computed, inject, Injectable, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslateService } from '@ngx-translate/core';
import { slipInWorkingDays, workingDayMinutes } from '@worksite/scheduling-engine';
import { BaselineComparisonDto, BaselineDetailDto, BaselineDto, BaselineTaskDto } from '@worksite/shared-domain';
import { ApiFailure } from '@worksite/web-core-data-access';
import { GanttBaselineBar } from '@worksite/web-gantt-ui';
import { TriageApi } from '@worksite/web-planning-data-access';
import { formatZonedRange } from '@worksite/web-shared-ui';
import { GanttStore } from './gantt.store';

/** How a task stands against the chosen baseline. */
export interface BaselineSlip {
  baseline: BaselineTaskDto;
  /** Working days the finish moved later (negative: earlier); null when the task is gone. */
  finishDays: number | null;
}

/** "+1", "-0.5", or nothing for no slip. */
export const slipLabel = (days: number | null): string | undefined =>
  days === null || days === 0 ? undefined : days > 0 ? `+${days}` : `${days}`;

/**
 * Baselines of the Gantt's project: the list, the one shown under the bars, slips of the
 * current plan against it (working days of the project calendar, the engine's rule), saving,
 * deleting and comparing.
 */
@Injectable()
export class BaselineStore {
  private readonly api = inject(TriageApi);
  private readonly gantt = inject(GanttStore);
  private readonly translate = inject(TranslateService);
  private readonly language = toSignal(this.translate.onLangChange);
  private projectId: string | null = null;

  readonly list = signal<BaselineDto[]>([]);
  readonly selectedId = signal<string | null>(null);
  readonly detail = signal<BaselineDetailDto | null>(null);
  readonly comparison = signal<BaselineComparisonDto | null>(null);
  /** What the chosen baseline is compared with ('current' or a baseline id) while the comparison is open. */
  readonly comparing = signal<string | null>(null);
  readonly busy = signal(false);
  /** A message (translation key and parameters, or the server's words) about the last action. */
  readonly message = signal<{ key: string; params?: Record<string, string | number>; bad?: boolean } | null>(null);

  /** Each task of the chosen baseline with its finish slip against the current plan. */
  readonly slips = computed<ReadonlyMap<string, BaselineSlip>>(() => {
    const detail = this.detail();
    const calendar = this.gantt.calendar();
    if (!detail || !calendar) return new Map();
    const current = this.gantt.taskById();
    const day = workingDayMinutes(calendar);
    return new Map(
      detail.tasks.map((task) => {
        const now = current.get(task.taskId);
        const days = now
          ? slipInWorkingDays(calendar, Date.parse(task.plannedFinish), Date.parse(now.plannedFinish), day)
          : null;
        return [task.taskId, { baseline: task, finishDays: days }];
      }),
    );
  });

  /** The chosen baseline's bars for the chart, with the slip after each and a tooltip. */
  readonly bars = computed<GanttBaselineBar[]>(() => {
    this.language();
    const detail = this.detail();
    const zone = this.gantt.project()?.timeZone ?? 'Asia/Shanghai';
    if (!detail) return [];
    const lang = this.translate.getCurrentLang() ?? 'zh-CN';
    return [...this.slips().values()].map(({ baseline, finishDays }) => ({
      id: baseline.taskId,
      start: Date.parse(baseline.plannedStart),
      finish: Date.parse(baseline.plannedFinish),
      label: slipLabel(finishDays),
      late: (finishDays ?? 0) > 0,
      title: this.translate.instant('baselines.barTitle', {
        name: detail.name,
        range: formatZonedRange(baseline.plannedStart, baseline.plannedFinish, zone, 'datetime', lang),
        slip: this.slipText(finishDays),
      }),
    }));
  });

  async load(projectId: string): Promise<void> {
    this.projectId = projectId;
    // A baseline chosen before the project was known (from the URL): fetch it now.
    const chosen = this.selectedId();
    if (chosen && !this.detail()) void this.show(chosen, this.comparing());
    try {
      this.list.set(await this.api.baselines(projectId));
    } catch (error) {
      this.fail(error);
    }
  }

  async select(baselineId: string | null): Promise<void> {
    this.selectedId.set(baselineId);
    this.closeComparison();
    if (!baselineId || !this.projectId) {
      this.detail.set(null);
      return;
    }
    try {
      const detail = await this.api.baseline(this.projectId, baselineId);
      if (this.selectedId() === baselineId) this.detail.set(detail);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Saves the plan as it is stored now, and shows the new baseline. */
  async save(name: string): Promise<boolean> {
    if (!this.projectId) return false;
    this.busy.set(true);
    try {
      const saved = await this.api.saveBaseline(this.projectId, name);
      await this.load(this.projectId);
      await this.select(saved.id);
      this.message.set({ key: 'baselines.saved', params: { name: saved.name, count: saved.taskCount } });
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  async remove(): Promise<void> {
    const id = this.selectedId();
    if (!id || !this.projectId) return;
    this.busy.set(true);
    try {
      await this.api.deleteBaseline(this.projectId, id);
      await this.select(null);
      await this.load(this.projectId);
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** The chosen baseline against another one, or the current plan ('current'). */
  async compare(other = 'current'): Promise<void> {
    const id = this.selectedId();
    if (!id) return;
    this.comparing.set(other);
    if (!this.projectId) return;
    try {
      const comparison = await this.api.compare(this.projectId, id, other);
      if (this.selectedId() === id && this.comparing() === other) this.comparison.set(comparison);
    } catch (error) {
      this.fail(error);
    }
  }

  closeComparison(): void {
    this.comparing.set(null);
    this.comparison.set(null);
  }

  /** Shows a baseline and, if given, its comparison (a link or a reload names both). */
  async show(baselineId: string | null, compareWith: string | null): Promise<void> {
    await this.select(baselineId);
    if (baselineId && compareWith) await this.compare(compareWith);
  }

  /** ", 延误 1 个工作日" for a tooltip. */
  slipText(days: number | null): string {
    if (days === null) return '';
    if (days === 0) return this.translate.instant('baselines.slipNone');
    return this.translate.instant(days > 0 ? 'baselines.slipLate' : 'baselines.slipEarly', { days: Math.abs(days) });
  }

  private fail(error: unknown): void {
    const message = error instanceof ApiFailure ? error.message : String(error);
    this.message.set({ key: 'baselines.failed', params: { message }, bad: true });
  }
}
