import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { IncidentDetailDto, IncidentStatus, TaskStatus } from '@worksite/shared-domain';
import { TranslateService } from '@ngx-translate/core';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ApiFailure } from '@worksite/web-core-data-access';
import { PlanningApi } from '@worksite/web-planning-data-access';
import { firstValueFrom } from 'rxjs';
import { departmentCards, rushTasks, SettableStatus, timelineDays } from './board-view';
import { IncidentsApi } from './incidents-api';
import { LiveUpdates } from './live-updates';

/** The stream's event carrying the board's whole state (docs/incidents-api.md). */
export const BOARD_STREAM_EVENT = 'incident';

/** How often the board is reloaded when the stream is unavailable. */
export const BOARD_POLL_MS = 4000;

/** The outcome of an action, shown above the board. */
export interface BoardMessage {
  kind: 'ok' | 'error';
  key: string;
  detail?: string;
}

/**
 * One incident's board: its state from the API, kept current by the live stream (or polling),
 * a clock for the elapsed times (corrected by the server's `now`), and the coordinator's
 * actions (department steps, the paperwork task, closing).
 */
@Injectable()
export class IncidentBoardStore {
  private readonly api = inject(IncidentsApi);
  private readonly planning = inject(PlanningApi);
  private readonly session = inject(SessionStore);
  private readonly translate = inject(TranslateService);
  readonly live = inject(LiveUpdates);
  private loadSeq = 0;
  /** Server clock minus this browser's clock, from the last snapshot. */
  private skew = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  readonly incident = signal<IncidentDetailDto | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiFailure | null>(null);
  readonly busy = signal<string | null>(null);
  readonly message = signal<BoardMessage | null>(null);
  /** "Now" on the server's clock, ticking every 15 s. */
  readonly now = signal(Date.now());

  /** The incident project's zone (times and days on the board are local to it). */
  readonly zone = computed(() => this.incident()?.timeZone ?? 'Asia/Shanghai');
  readonly cards = computed(() => {
    const incident = this.incident();
    return incident ? departmentCards(incident) : [];
  });
  readonly timeline = computed(() => timelineDays(this.incident()?.events ?? [], this.zone()));
  readonly tasks = computed(() => {
    const incident = this.incident();
    return incident ? rushTasks(incident) : { tasks: [], paperwork: null };
  });
  readonly closed = computed(() => this.incident()?.status === IncidentStatus.Closed);

  constructor() {
    this.timer = setInterval(() => this.tick(), 15_000);
    inject(DestroyRef).onDestroy(() => clearInterval(this.timer));
  }

  /** Loads the incident and follows its stream. */
  async open(id: string): Promise<void> {
    this.live.stop();
    this.incident.set(null);
    this.message.set(null);
    this.loading.set(true);
    await this.reload(id);
    this.loading.set(false);
    this.live.start({
      url: this.api.streamUrl(id),
      headers: () => this.streamHeaders(),
      reauthorize: () =>
        firstValueFrom(this.session.refresh()).then(
          () => true,
          () => false,
        ),
      onEvent: (event) => {
        if (event.event === BOARD_STREAM_EVENT) this.acceptStreamed(id, event.data);
      },
      refresh: () => this.reload(id),
      pollMs: BOARD_POLL_MS,
    });
  }

  async reload(id = this.incident()?.id): Promise<void> {
    if (!id) return;
    const seq = ++this.loadSeq;
    try {
      const incident = await this.api.get(id);
      if (seq !== this.loadSeq) return;
      this.accept(incident);
      this.error.set(null);
    } catch (error) {
      if (seq === this.loadSeq) this.error.set(error as ApiFailure);
    }
  }

  async setStatus(departmentId: string, status: SettableStatus): Promise<void> {
    const incident = this.incident();
    if (!incident) return;
    await this.act(`${departmentId}:${status}`, `incidents.board.set.${status}`, async () => {
      this.accept(await this.api.setDepartmentStatus(incident.id, departmentId, { status }));
    });
  }

  /** Marks the paperwork task 事故资料 done (a PATCH of the task, on the version read just now). */
  async completePaperwork(): Promise<void> {
    const incident = this.incident();
    if (!incident) return;
    await this.act('paperwork', 'incidents.board.paperworkDone', async () => {
      const current = await this.api.task(incident.paperworkTaskId);
      await this.planning.updateTask(current.id, { status: TaskStatus.Done, progress: 100, version: current.version });
      await this.reload(incident.id);
    });
  }

  /** Closes the incident; the server refuses (with its message) while the paperwork is open. */
  async close(): Promise<void> {
    const incident = this.incident();
    if (!incident) return;
    await this.act('close', 'incidents.board.closedOk', async () => {
      this.accept(await this.api.close(incident.id));
    });
  }

  async downloadReport(): Promise<void> {
    const incident = this.incident();
    if (!incident) return;
    await this.act('report', 'incidents.board.reportSaved', async () => {
      await this.api.downloadReport(incident);
    });
  }

  private streamHeaders(): Record<string, string> {
    const token = this.session.accessToken();
    const language = this.translate.getCurrentLang() || 'zh-CN';
    return { 'accept-language': language, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  }

  /** A snapshot from the stream; a reload in flight is outdated by it. */
  private acceptStreamed(id: string, data: string): void {
    let incident: IncidentDetailDto;
    try {
      incident = JSON.parse(data) as IncidentDetailDto;
    } catch {
      return;
    }
    if (incident.id !== id) return;
    this.loadSeq++;
    this.accept(incident);
    this.error.set(null);
  }

  private accept(incident: IncidentDetailDto): void {
    const serverNow = Date.parse(incident.now);
    if (!Number.isNaN(serverNow)) this.skew = serverNow - Date.now();
    this.incident.set(incident);
    this.tick();
  }

  private tick(): void {
    this.now.set(Date.now() + this.skew);
  }

  private async act(busy: string, okKey: string, work: () => Promise<void>): Promise<void> {
    this.busy.set(busy);
    this.message.set(null);
    try {
      await work();
      this.message.set({ kind: 'ok', key: okKey });
    } catch (error) {
      this.message.set({ kind: 'error', key: 'incidents.board.actionFailed', detail: (error as ApiFailure).message });
      // The board may have moved on meanwhile (e.g. a 409): show what is true now.
      await this.reload();
    } finally {
      this.busy.set(null);
    }
  }
}
