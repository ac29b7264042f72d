import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import {
  ConflictDto,
  NoticeDto,
  NoticeRunDto,
  NoticeScheduleDto,
  ProjectDto,
  TaskDto,
  nightRunSendsAt,
} from '@worksite/shared-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { ApiFailure } from '@worksite/web-core-data-access';
import { NoticesApi, runIsLive, withDeliveries } from '@worksite/web-notices-data-access';
import { PlanningApi, ReferenceData, ReferenceMaps } from '@worksite/web-planning-data-access';
import { crewGroups, dayTasks, locationGroups } from './day-plan-groups';

export type DayPlanGrouping = 'crew' | 'location';

/** A result line after send-now or resend. */
export interface DayPlanNotice {
  kind: 'ok' | 'error';
  key: string;
  detail?: string;
}

/** How often a run in progress is asked for its progress. */
export const RUN_POLL_MS = 1500;

/**
 * One project's plan for one local day (tomorrow by default): tasks with times and materials,
 * the day's conflicts, and each crew's notice with send-now and resend. While a notice run is
 * in progress its progress is polled and shown live.
 */
@Injectable()
export class DayPlanStore {
  private readonly planning = inject(PlanningApi);
  private readonly noticesApi = inject(NoticesApi);
  private readonly referenceData = inject(ReferenceData);
  private loadSeq = 0;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  readonly project = signal<ProjectDto | null>(null);
  readonly date = signal<string | null>(null);
  readonly tasks = signal<TaskDto[]>([]);
  readonly refs = signal<ReferenceMaps | null>(null);
  readonly conflicts = signal<ConflictDto[]>([]);
  readonly notices = signal<NoticeDto[]>([]);
  readonly runs = signal<NoticeRunDto[]>([]);
  /** When the nightly notices go out (loaded once). */
  readonly schedule = signal<NoticeScheduleDto | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiFailure | null>(null);
  readonly conflictsError = signal<ApiFailure | null>(null);
  readonly noticesError = signal<ApiFailure | null>(null);
  readonly grouping = signal<DayPlanGrouping>('crew');
  readonly busy = signal<string | null>(null);
  readonly message = signal<DayPlanNotice | null>(null);
  readonly noLocation = signal('—');

  readonly zone = computed(() => this.project()?.timeZone ?? 'Asia/Shanghai');
  private readonly items = computed(() => {
    const refs = this.refs();
    return refs ? dayTasks(this.tasks(), refs, this.conflicts()) : [];
  });
  readonly byCrew = computed(() => {
    const refs = this.refs();
    return refs ? crewGroups(this.items(), refs, this.notices()) : [];
  });
  readonly byLocation = computed(() => {
    const refs = this.refs();
    return refs ? locationGroups(this.items(), refs, this.noLocation()) : [];
  });
  /** The newest run for the day. */
  readonly run = computed(() => [...this.runs()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null);
  readonly runLive = computed(() => runIsLive(this.run()?.status));

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.pollTimer));
  }

  /** Tomorrow in the project's zone, as of `now`. */
  static tomorrow(zone: string, now = Date.now()): string {
    return addDays(localDateOf(now, zone), 1);
  }

  /** Loads the day; without a date, tomorrow in the project's zone. Resolves to the date shown. */
  async load(projectId: string, date: string | null): Promise<string | null> {
    const seq = ++this.loadSeq;
    clearTimeout(this.pollTimer);
    this.loading.set(true);
    this.error.set(null);
    this.message.set(null);
    try {
      const [project, refs] = await Promise.all([this.planning.project(projectId), this.referenceData.load()]);
      if (seq !== this.loadSeq) return null;
      const day = date ?? DayPlanStore.tomorrow(project.timeZone);
      this.project.set(project);
      this.refs.set(refs);
      this.date.set(day);
      const tasks = await this.planning.tasks({ projectId, from: day, to: day });
      if (seq !== this.loadSeq) return null;
      this.tasks.set(tasks);
      void this.loadConflicts(seq, projectId, day);
      void this.loadNotices(seq);
      return day;
    } catch (error) {
      if (seq === this.loadSeq) this.error.set(error as ApiFailure);
      return null;
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }

  /**
   * When the night run sends this day's notices by itself — the evening before, at the configured
   * time, in the project's zone — while that is still ahead; null once it has passed.
   */
  readonly autoSendAt = computed(() => {
    const schedule = this.schedule();
    const date = this.date();
    if (!schedule || !date) return null;
    const at = nightRunSendsAt(date, schedule.sendTime, this.zone());
    return at.getTime() > Date.now() ? at.toISOString() : null;
  });

  /** The API sends notices for today or tomorrow only (in the project's zone). */
  readonly maySendDate = computed(() => {
    const date = this.date();
    const today = localDateOf(Date.now(), this.zone());
    return date === today || date === addDays(today, 1);
  });

  /** Starts the project's run for the day now (the API returns the existing run if there is one). */
  async sendNow(): Promise<void> {
    const project = this.project();
    const date = this.date();
    if (!project || !date) return;
    await this.act('send', 'dayPlan.sendStarted', async () => {
      const result = await this.noticesApi.sendNow(project.id, date);
      this.runs.set([result.run]);
      // Pressed again: the API sent nothing new, and says why.
      if (result.started === false) {
        return result.reason === 'in_progress' ? 'dayPlan.sendInProgress' : 'dayPlan.alreadySent';
      }
      return undefined;
    });
  }

  async resend(notice: NoticeDto): Promise<void> {
    await this.act(`resend:${notice.crewId}`, 'dayPlan.resent', async () => {
      const sent = await this.noticesApi.resend(notice.id);
      this.notices.update((list) => [...list.filter((n) => n.id !== sent.id), sent]);
    });
  }

  /** Runs an action; `work` may name another message than `okKey` for its outcome. */
  private async act(busy: string, okKey: string, work: () => Promise<string | undefined | void>): Promise<void> {
    this.busy.set(busy);
    this.message.set(null);
    try {
      const key = await work();
      this.message.set({ kind: 'ok', key: key || okKey });
      await this.refreshNotices();
    } catch (error) {
      this.message.set({ kind: 'error', key: 'dayPlan.actionFailed', detail: (error as ApiFailure).message });
    } finally {
      this.busy.set(null);
    }
  }

  private async loadConflicts(seq: number, projectId: string, day: string): Promise<void> {
    try {
      const conflicts = await this.planning.conflicts(projectId, day, day);
      if (seq !== this.loadSeq) return;
      this.conflicts.set(conflicts);
      this.conflictsError.set(null);
    } catch (error) {
      if (seq === this.loadSeq) this.conflictsError.set(error as ApiFailure);
    }
  }

  private async loadNotices(seq: number): Promise<void> {
    await Promise.all([this.refreshNotices(seq), this.loadSchedule()]);
  }

  private async loadSchedule(): Promise<void> {
    if (this.schedule()) return;
    try {
      this.schedule.set(await this.noticesApi.schedule());
    } catch {
      // Only the "goes out automatically at" hint depends on it: the page shows the rest without it.
    }
  }

  /** Notices, deliveries and the run of the day; keeps polling while the run is in progress. */
  private async refreshNotices(seq = this.loadSeq): Promise<void> {
    const project = this.project();
    const date = this.date();
    if (!project || !date) return;
    clearTimeout(this.pollTimer);
    try {
      const [notices, deliveries, runs] = await Promise.all([
        this.noticesApi.notices({ projectId: project.id, date }),
        this.noticesApi.deliveries({ date }),
        this.noticesApi.runs(project.id, date),
      ]);
      const newest = [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      // The run itself carries the live counts (acknowledged, unacknowledged).
      const run = newest ? await this.noticesApi.run(newest.id) : null;
      if (seq !== this.loadSeq) return;
      this.notices.set(withDeliveries(notices, deliveries));
      this.runs.set(run ? [run] : []);
      this.noticesError.set(null);
    } catch (error) {
      if (seq === this.loadSeq) this.noticesError.set(error as ApiFailure);
      return;
    }
    if (this.runLive()) this.pollTimer = setTimeout(() => void this.refreshNotices(seq), RUN_POLL_MS);
  }
}
