import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { NoticeDto, ProjectDto, TaskDto } from '@worksite/shared-domain';
import { CrewReportRecord, MakeReadyConstraintDto, NotDoneReport, notDoneOf } from '@worksite/shared-make-ready';
import { localDateOf } from '@worksite/shared-util-time';
import { ApiFailure } from '@worksite/web-core-data-access';
import { ConstraintClearing, MakeReadyApi, ReadinessDto } from '@worksite/web-make-ready-data-access';
import { NoticesApi, summarizeNotice, withDeliveries } from '@worksite/web-notices-data-access';
import { PlanningApi, ReferenceData, ReferenceMaps } from '@worksite/web-planning-data-access';
import { CrewOutbox, NewTap, TappedState, tappedState, WeeklyPlanApi } from '@worksite/web-weekly-plan-data-access';
import {
  CrewDayCache,
  CrewDaySnapshot,
  keptBlockers,
  refsOf,
  snapshotOf,
  withAcks,
  withSentTaps,
} from './crew-day-cache';

/** One local day of the crew's work. */
export interface CrewDay {
  date: string;
  zone: string;
  tasks: TaskDto[];
}

/** A task of today with what the lead's taps (sent or still waiting) made of it. */
export interface TodayTask {
  task: TaskDto;
  state: TappedState;
  /** It has an open make-ready constraint. */
  notReady: boolean;
  /** Its open make-ready constraints: what it waits for, who clears it, by when. */
  blockers: readonly MakeReadyConstraintDto[];
}

const DEFAULT_ZONE = 'Asia/Shanghai';

/** Up to this many projects visible (a crew lead's), their readiness is asked for at once with the crew's days. */
const READINESS_AHEAD = 3;

/** The projects of some tasks. */
const projectsOf = (tasks: readonly TaskDto[]) => [...new Set(tasks.map((t) => t.projectId))].map((id) => ({ id }));

/** The open make-ready constraints of the tasks not ready among `tasks`, by task. */
function blockersIn(
  answers: readonly ReadinessDto[],
  tasks: readonly TaskDto[],
): Map<string, readonly MakeReadyConstraintDto[]> {
  const ids = new Set(tasks.map((t) => t.id));
  const notReady = answers.flatMap((answer) => answer.tasks).filter((r) => !r.ready && ids.has(r.taskId));
  return new Map(notReady.map((r) => [r.taskId, r.constraints ?? []]));
}

/** Whether a task's work covers a local date (its start and finish dates in its project's zone). */
function worksOn(task: TaskDto, date: string, zoneOf: (task: TaskDto) => string): boolean {
  const on = (instant: string) => localDateOf(Date.parse(instant), zoneOf(task));
  return on(task.plannedStart) <= date && on(task.plannedFinish) >= date;
}

/** No answer from the server (offline, or a proxy that cannot reach it). */
const isUnreachable = (error: unknown) => error instanceof ApiFailure && [0, 502, 503, 504].includes(error.status);

/**
 * The crew view's state: upcoming work by day and the crew's notices, with acknowledge. Today's
 * tasks show the server's status and progress, the "not done" it recorded today (its reports of
 * the day) and the taps made on this phone over them. What was loaded last is kept on the phone
 * (`keepOnPhone`) and shown when the page opens without network.
 */
@Injectable()
export class CrewStore {
  private readonly planning = inject(PlanningApi);
  private readonly noticesApi = inject(NoticesApi);
  private readonly referenceData = inject(ReferenceData);
  private readonly outbox = inject(CrewOutbox);
  private readonly weeklyPlan = inject(WeeklyPlanApi);
  private readonly makeReady = inject(MakeReadyApi);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage ?? null;
  private cache: { store: CrewDayCache; crewIds: readonly string[] } | null = null;
  /** The crew whose day the server sent (what `tasks` and `reports` hold), else null. */
  private dayOf: string | null = null;
  private loadSeq = 0;

  readonly crewId = signal<string | null>(null);
  readonly tasks = signal<TaskDto[]>([]);
  /** The open make-ready constraints of the crew's tasks that are not ready (no material, no permit…), by task. */
  readonly blockers = signal<ReadonlyMap<string, readonly MakeReadyConstraintDto[]>>(new Map());
  /** Ids of the crew's tasks with an open make-ready constraint. */
  readonly notReady = computed<ReadonlySet<string>>(() => new Set(this.blockers().keys()));
  /** Marking a constraint the lead owns cleared. */
  readonly clearing = new ConstraintClearing(this.makeReady);
  readonly projects = signal<ReadonlyMap<string, ProjectDto>>(new Map());
  readonly refs = signal<ReferenceMaps | null>(null);
  readonly notices = signal<NoticeDto[]>([]);
  readonly loading = signal(false);
  readonly error = signal<ApiFailure | null>(null);
  readonly noticesError = signal<ApiFailure | null>(null);
  /** The server's reports on the crew's tasks of `reportsDate` (oldest first). */
  readonly reports = signal<CrewReportRecord[]>([]);
  readonly reportsDate = signal<string | null>(null);
  /** When the day shown was kept on the phone, while the server cannot be reached; else null. */
  readonly keptAt = signal<number | null>(null);
  /** Fixed at page load so "today" does not move under the user. */
  readonly now = signal(Date.now());

  /** Zone of the crew's projects (the first one's; a crew works in one city). */
  readonly zone = computed(() => [...this.projects().values()][0]?.timeZone ?? DEFAULT_ZONE);
  readonly crew = computed(() => {
    const id = this.crewId();
    return (id && this.refs()?.crews.get(id)) || null;
  });
  /** The work after today's (today's is on top, with its buttons). */
  readonly days = computed<CrewDay[]>(() => {
    const days = new Map<string, CrewDay>();
    const today = new Set(this.todayTasks().map((t) => t.task.id));
    const sorted = [...this.tasks()]
      .filter((t) => !today.has(t.id))
      .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart));
    for (const task of sorted) {
      const zone = this.projects().get(task.projectId)?.timeZone ?? DEFAULT_ZONE;
      const date = localDateOf(Date.parse(task.plannedStart), zone);
      const day = days.get(date) ?? { date, zone, tasks: [] };
      day.tasks.push(task);
      days.set(date, day);
    }
    return [...days.values()];
  });
  /** The project's local date of "now". */
  readonly today = computed(() => localDateOf(this.now(), this.zone()));
  /** The "not done" the server recorded today, by task. */
  private readonly notDoneToday = computed(() => {
    const byTask = new Map<string, CrewReportRecord[]>();
    if (this.reportsDate() !== this.today()) return new Map<string, NotDoneReport>();
    for (const report of this.reports()) byTask.set(report.taskId, [...(byTask.get(report.taskId) ?? []), report]);
    const notDone = new Map<string, NotDoneReport>();
    for (const [taskId, reports] of byTask) {
      const standing = notDoneOf(reports);
      if (standing) notDone.set(taskId, standing);
    }
    return notDone;
  });
  /** Work on today's date (started earlier or not), with the lead's taps applied, earliest first. */
  readonly todayTasks = computed<TodayTask[]>(() => {
    const today = this.today();
    const taps = this.outbox.reports();
    const waiting = this.outbox.waitingKeys();
    const notDone = this.notDoneToday();
    const blockers = this.blockers();
    const zoneOf = (t: TaskDto) => this.projects().get(t.projectId)?.timeZone ?? DEFAULT_ZONE;
    return this.tasks()
      .filter((t) => worksOn(t, today, zoneOf))
      .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart))
      .map((task) => ({
        task,
        state: tappedState(task, taps, waiting, notDone.get(task.id) ?? null),
        notReady: blockers.has(task.id),
        blockers: blockers.get(task.id) ?? [],
      }));
  });
  /** Newest first, each with its delivery summary and the lead's "收到" on this phone (`waiting`: not sent yet). */
  readonly noticeViews = computed(() => {
    const acks = this.outbox.acks();
    const waiting = this.outbox.waitingKeys();
    const waitingNotices = new Set(acks.filter((a) => waiting.has(a.clientKey)).map((a) => a.noticeId));
    return withAcks(this.notices(), acks)
      .sort((a, b) => b.noticeDate.localeCompare(a.noticeDate) || b.revision - a.revision)
      .map((notice) => ({ notice, summary: summarizeNotice(notice), waiting: waitingNotices.has(notice.id) }));
  });

  constructor() {
    // The page is gone (logout, another page): a late answer must not keep anything on the phone.
    inject(DestroyRef).onDestroy(() => {
      this.cache = null;
      this.loadSeq++;
    });
    // A tap the server accepts goes into the day kept on the phone (an offline start shows it).
    effect(() => {
      this.outbox.taps();
      this.outbox.waitingKeys();
      untracked(() => this.keep());
    });
  }

  /** Keeps what the page loads on the phone for this user (and their crews' names). */
  keepOnPhone(userId: string, crewIds: readonly string[]): void {
    this.cache = { store: new CrewDayCache(this.storage, userId), crewIds };
  }

  /**
   * The crew the page opens with: the one whose day this phone kept last (the lead picked it
   * before a reload, or before the app was opened again without network), while the user still
   * leads it; else their first crew.
   */
  startCrew(crewIds: readonly string[]): string | null {
    const last = this.cache?.store.load(null)?.crewId;
    return last && crewIds.includes(last) ? last : (crewIds[0] ?? null);
  }

  /**
   * Opens the page on startCrew's crew; for a lead of several crews, on the first of them with
   * work today when that one has none (a lead of two crews sees where the work is this morning).
   * Their days are asked for side by side: no round trip more than for one crew.
   */
  open(crewIds: readonly string[]): Promise<void> {
    const start = this.startCrew(crewIds);
    return this.load(start, start ? crewIds.filter((id) => id !== start) : []);
  }

  /** Loads a crew's day; with `orElse`, the day of the first of those with work today if `crewId` has none. */
  async load(crewId: string | null, orElse: readonly string[] = []): Promise<void> {
    const seq = ++this.loadSeq;
    // Choosing among several crews: none is shown (picker, heading) until the days say which.
    const shown = orElse.length ? null : crewId;
    if (shown !== this.crewId()) {
      this.notices.set([]);
      this.dayOf = null;
    }
    this.crewId.set(shown);
    this.loading.set(true);
    this.error.set(null);
    try {
      const [projects, refs] = await Promise.all([this.planning.projects(), this.referenceData.load()]);
      if (seq !== this.loadSeq) return;
      this.projects.set(new Map(projects.map((p) => [p.id, p])));
      this.refs.set(refs);
      if (!crewId) return;
      const zone = projects[0]?.timeZone ?? DEFAULT_ZONE;
      const today = localDateOf(this.now(), zone);
      // A lead's few projects: their readiness is asked for beside the days, not after them.
      const early = projects.length <= READINESS_AHEAD ? this.readiness(projects, today) : null;
      // Not left unhandled if a crew's day fails first (the load's error is the day's).
      early?.catch(() => undefined);
      const days = await Promise.all([crewId, ...orElse].map((id) => this.crewDay(id, today)));
      const zoneOf = (task: TaskDto) => this.projects().get(task.projectId)?.timeZone ?? DEFAULT_ZONE;
      const day = days.find((d) => d.tasks.some((task) => worksOn(task, today, zoneOf))) ?? days[0];
      const readiness = await (early ?? this.readiness(projectsOf(day.tasks), today));
      const blockers = blockersIn(readiness, day.tasks);
      if (seq !== this.loadSeq) return;
      this.crewId.set(day.crewId);
      this.tasks.set(day.tasks);
      this.blockers.set(blockers);
      this.reports.set(day.reports);
      this.reportsDate.set(today);
      this.keptAt.set(null);
      this.dayOf = day.crewId;
      this.keep();
      void this.loadNotices(seq, day.crewId);
    } catch (error) {
      if (seq !== this.loadSeq) return;
      const kept = isUnreachable(error) ? (this.cache?.store.load(crewId) ?? null) : null;
      if (kept) this.showKept(kept);
      else {
        this.crewId.set(crewId);
        this.error.set(error as ApiFailure);
      }
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }

  /** A crew's work from `today` on (without cancelled tasks) and the reports of its tasks today. */
  private async crewDay(crewId: string, today: string) {
    const [tasks, day] = await Promise.all([
      this.planning.tasks({ crewId, from: today }),
      this.weeklyPlan.dayReports(crewId, today),
    ]);
    return { crewId, tasks: tasks.filter((t) => t.status !== 'cancelled'), reports: day.reports };
  }

  /**
   * The crew lead confirms a notice: queued on the phone with the taps, shown acknowledged at
   * once, sent when online (the server records the first acknowledgement only).
   */
  acknowledge(notice: NoticeDto): void {
    this.outbox.ack(notice.id);
  }

  /**
   * The lead marks a constraint they own cleared (the materials are on site): online only, with
   * the version read. The task is ready once none is left open. Refused (someone cleared it
   * first, or it changed): said, and the day is loaded again.
   */
  async clearConstraint(constraint: MakeReadyConstraintDto): Promise<void> {
    if (!(await this.clearing.clear(constraint))) {
      if (this.clearing.error()?.status === 409) void this.load(this.crewId());
      return;
    }
    const blockers = new Map(this.blockers());
    const left = (blockers.get(constraint.taskId) ?? []).filter((c) => c.id !== constraint.id);
    if (left.length) blockers.set(constraint.taskId, left);
    else blockers.delete(constraint.taskId);
    this.blockers.set(blockers);
    this.keep();
  }

  /** A tap on one of today's tasks: queued on the phone, shown at once, sent when online. */
  report(tap: NewTap): void {
    this.outbox.tap(tap);
  }

  /** The readiness of the projects' tasks from `today` on, with their open constraints. */
  private readiness(projects: readonly { id: string }[], today: string): Promise<ReadinessDto[]> {
    return Promise.all(projects.map(({ id }) => this.makeReady.readiness(id, today, undefined, true)));
  }

  private async loadNotices(seq: number, crewId: string): Promise<void> {
    try {
      const [notices, deliveries] = await Promise.all([
        this.noticesApi.notices({ crewId }),
        this.noticesApi.deliveries({ crewId }),
      ]);
      if (seq !== this.loadSeq) return;
      this.notices.set(withDeliveries(notices, deliveries));
      this.noticesError.set(null);
      this.keep();
    } catch (error) {
      if (seq === this.loadSeq) this.noticesError.set(error as ApiFailure);
    }
  }

  /** Saves the server's day of the crew shown, with the taps it accepted since (not one kept earlier). */
  private keep(): void {
    const refs = this.refs();
    const date = this.reportsDate();
    const crewId = this.dayOf;
    if (!this.cache || !refs || !date || !crewId || this.keptAt() !== null) return;
    const waiting = this.outbox.waitingKeys();
    const sent = <T extends { clientKey: string }>(taps: T[]) => taps.filter((tap) => !waiting.has(tap.clientKey));
    const day = {
      savedAt: Date.now(),
      crewId,
      date,
      projects: [...this.projects().values()],
      ...withSentTaps(this.tasks(), this.reports(), sent(this.outbox.reports())),
      blockers: [...this.blockers()].map(([taskId, open]) => [taskId, [...open]] as [string, MakeReadyConstraintDto[]]),
      notices: withAcks(this.notices(), sent(this.outbox.acks())),
    };
    this.cache.store.save(snapshotOf(day, refs, this.cache.crewIds));
  }

  private showKept(kept: CrewDaySnapshot): void {
    this.dayOf = null;
    this.crewId.set(kept.crewId);
    this.projects.set(new Map(kept.projects.map((p) => [p.id, p])));
    this.refs.set(refsOf(kept));
    this.tasks.set(kept.tasks);
    this.blockers.set(keptBlockers(kept));
    this.reports.set(kept.reports);
    this.reportsDate.set(kept.date);
    this.notices.set(kept.notices);
    this.noticesError.set(null);
    this.keptAt.set(kept.savedAt);
  }
}
