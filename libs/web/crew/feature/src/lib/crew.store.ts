import { computed, inject, Injectable, signal } from '@angular/core';
import { NoticeDto, ProjectDto, TaskDto } from '@worksite/shared-domain';
import { localDateOf } from '@worksite/shared-util-time';
import { ApiFailure } from '@worksite/web-core-data-access';
import { NoticesApi, summarizeNotice, withDeliveries } from '@worksite/web-notices-data-access';
import { PlanningApi, ReferenceData, ReferenceMaps } from '@worksite/web-planning-data-access';
import { CrewOutbox, NewTap, TappedState, tappedState } from '@worksite/web-weekly-plan-data-access';

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
}

const DEFAULT_ZONE = 'Asia/Shanghai';

/** The crew view's state: upcoming work by day and the crew's notices, with acknowledge. */
@Injectable()
export class CrewStore {
  private readonly planning = inject(PlanningApi);
  private readonly noticesApi = inject(NoticesApi);
  private readonly referenceData = inject(ReferenceData);
  private readonly outbox = inject(CrewOutbox);
  private loadSeq = 0;

  readonly crewId = signal<string | null>(null);
  readonly tasks = signal<TaskDto[]>([]);
  readonly projects = signal<ReadonlyMap<string, ProjectDto>>(new Map());
  readonly refs = signal<ReferenceMaps | null>(null);
  readonly notices = signal<NoticeDto[]>([]);
  readonly loading = signal(false);
  readonly error = signal<ApiFailure | null>(null);
  readonly noticesError = signal<ApiFailure | null>(null);
  readonly acknowledging = signal<string | null>(null);
  readonly ackError = signal<ApiFailure | null>(null);
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
  /** Work on today's date (started earlier or not), with the lead's taps applied, earliest first. */
  readonly todayTasks = computed<TodayTask[]>(() => {
    const today = this.today();
    const taps = this.outbox.taps();
    const waiting = this.outbox.waitingKeys();
    const zoneOf = (t: TaskDto) => this.projects().get(t.projectId)?.timeZone ?? DEFAULT_ZONE;
    const on = (instant: string, t: TaskDto) => localDateOf(Date.parse(instant), zoneOf(t));
    return this.tasks()
      .filter((t) => on(t.plannedStart, t) <= today && on(t.plannedFinish, t) >= today)
      .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart))
      .map((task) => ({ task, state: tappedState(task, taps, waiting) }));
  });
  /** Newest first, each with its delivery summary. */
  readonly noticeViews = computed(() =>
    [...this.notices()]
      .sort((a, b) => b.noticeDate.localeCompare(a.noticeDate) || b.revision - a.revision)
      .map((notice) => ({ notice, summary: summarizeNotice(notice) })),
  );

  async load(crewId: string | null): Promise<void> {
    const seq = ++this.loadSeq;
    this.crewId.set(crewId);
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
      const tasks = await this.planning.tasks({ crewId, from: today });
      if (seq !== this.loadSeq) return;
      this.tasks.set(tasks.filter((t) => t.status !== 'cancelled'));
      void this.loadNotices(seq, crewId);
    } catch (error) {
      if (seq === this.loadSeq) this.error.set(error as ApiFailure);
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }

  /** The crew lead confirms a notice; the list then shows the stored state. */
  async acknowledge(notice: NoticeDto): Promise<void> {
    this.acknowledging.set(notice.id);
    this.ackError.set(null);
    try {
      const { notice: updated } = await this.noticesApi.acknowledge(notice.id);
      // The detail carries the deliveries too; keep the ones already shown if it does not.
      this.notices.update((list) =>
        list.map((n) =>
          n.id === notice.id ? { ...n, ...updated, deliveries: updated.deliveries ?? n.deliveries } : n,
        ),
      );
    } catch (error) {
      this.ackError.set(error as ApiFailure);
    } finally {
      this.acknowledging.set(null);
    }
  }

  /** A tap on one of today's tasks: queued on the phone, shown at once, sent when online. */
  report(tap: NewTap): void {
    this.outbox.tap(tap);
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
    } catch (error) {
      if (seq === this.loadSeq) this.noticesError.set(error as ApiFailure);
    }
  }
}
