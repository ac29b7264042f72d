import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import { CrewReportRequest } from '@worksite/shared-make-ready';
import { NoticesApi } from '@worksite/web-notices-data-access';
import { crewTapsKey } from './crew-phone-keys';
import { AckTap, isAck, QueuedTap, readTaps, RejectedTap, TapQueue, TapTransport } from './tap-queue';
import { newClientKey } from './tap-view';
import { WeeklyPlanApi } from './weekly-plan.api';
/** Retries while taps wait and the phone says it is online: 2 s, doubling, at most a minute apart. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/** A tap as the page makes it; the outbox adds the key and the time. */
export type NewTap = Omit<CrewReportRequest, 'clientKey' | 'tappedAt'>;

/**
 * The crew lead's outbox: every tap (a report on a task, or "收到" on a notice) is stored on the
 * phone first (localStorage, one queue per user), shown at once, and sent when the phone is
 * online — right away, on the 'online' event, on page load, and again with backoff while a send
 * fails (the 'online' event often comes before the network really works). Taps the server
 * refuses are listed in `rejected` until dismissed. `close()` at logout stops all of it, so a
 * user's taps are never sent under someone else's session.
 */
@Injectable({ providedIn: 'root' })
export class CrewOutbox {
  private readonly api = inject(WeeklyPlanApi);
  private readonly noticesApi = inject(NoticesApi);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly storage = this.window?.localStorage ?? memoryStorage();
  private queue: TapQueue | null = null;
  private userId: string | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = RETRY_FIRST_MS;
  private readonly transport: TapTransport = {
    one: (report) => this.api.report(report),
    batch: (reports) => this.api.reports(reports),
    // The time of the tap, not of the send: the server stores when the lead read the notice.
    ack: (ack) => this.noticesApi.acknowledge(ack.noticeId, ack.tappedAt),
  };

  /** Taps not yet accepted by the server, oldest first. */
  readonly pending = signal<QueuedTap[]>([]);
  /** Taps made on this page (sent or not), oldest first: what the page shows over the stored data. */
  readonly taps = signal<QueuedTap[]>([]);
  /** The reports among `taps` (on tasks). */
  readonly reports = computed(() => this.taps().filter((t): t is CrewReportRequest => !isAck(t)));
  /** The acknowledgements among `taps` (of notices). */
  readonly acks = computed(() => this.taps().filter(isAck));
  readonly rejected = signal<RejectedTap[]>([]);
  readonly sending = signal(false);
  readonly waiting = computed(() => this.pending().length);
  readonly waitingKeys = computed(() => new Set(this.pending().map((r) => r.clientKey)));

  constructor() {
    this.window?.addEventListener('online', () => void this.flush());
  }

  /** Opens the user's queue (their taps only) and sends what an earlier visit left. */
  open(userId: string): void {
    if (this.userId !== userId) this.close();
    this.userId = userId;
    this.queue = new TapQueue(this.storage, crewTapsKey(userId));
    const pending = this.queue.pending();
    this.pending.set(pending);
    this.taps.set(pending);
    void this.flush();
  }

  tap(tap: NewTap): CrewReportRequest {
    const report: CrewReportRequest = { ...tap, clientKey: newClientKey(), tappedAt: new Date().toISOString() };
    this.add(report);
    return report;
  }

  /** "收到" on a notice, queued like a report; a second tap on the same notice adds nothing. */
  ack(noticeId: string): AckTap {
    const earlier = this.acks().find((a) => a.noticeId === noticeId);
    if (earlier) return earlier;
    const ack: AckTap = { noticeId, clientKey: newClientKey(), tappedAt: new Date().toISOString() };
    this.add(ack);
    return ack;
  }

  /** Taps waiting on this phone for a user (whether or not their queue is open). */
  waitingFor(userId: string): number {
    return userId === this.userId ? this.waiting() : readTaps(this.storage, crewTapsKey(userId)).length;
  }

  /** Opens the user's queue and sends it now; resolves with what is still waiting (no network). */
  async sendNow(userId: string): Promise<number> {
    if (this.userId !== userId) this.open(userId);
    await this.flush();
    return this.waiting();
  }

  /**
   * Someone signed in (a session may end without logout, then another user signs in): a queue
   * open for anyone else is closed, so their taps stay stored for their own next login and are
   * never sent, and refused, under this user's session.
   */
  signedIn(userId: string): void {
    if (this.userId !== null && this.userId !== userId) this.close();
  }

  /** Drops the user's waiting taps (they chose to, at logout). */
  discard(userId: string): void {
    new TapQueue(this.storage, crewTapsKey(userId)).discard();
    if (this.userId === userId) this.close();
  }

  /**
   * Stops sending and forgets the open queue (logout): what waits stays stored under its user and
   * goes out when that user opens the crew page again.
   */
  close(): void {
    this.queue = null;
    this.userId = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryDelay = RETRY_FIRST_MS;
    this.pending.set([]);
    this.taps.set([]);
    this.rejected.set([]);
  }

  private add(tap: QueuedTap): void {
    if (!this.queue) throw new Error('CrewOutbox.open() first');
    this.queue.add(tap);
    this.pending.set(this.queue.pending());
    this.taps.update((list) => [...list, tap]);
    void this.flush();
  }

  /**
   * Sends what is queued (unless the phone says it is offline). A call during a send makes that
   * send go round once more instead of starting a second one (so a refusal is reported once), and
   * resolves when it is over.
   */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.send();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async send(): Promise<void> {
    const queue = this.queue;
    if (!queue || queue.pending().length === 0) return;
    if (this.window?.navigator.onLine === false) return;
    this.sending.set(true);
    try {
      const result = await queue.flush(this.transport);
      if (result.rejected.length && queue === this.queue) {
        const dropped = new Set(result.rejected.map((r) => r.tap.clientKey));
        this.rejected.update((list) => [...list, ...result.rejected]);
        this.taps.update((list) => list.filter((r) => !dropped.has(r.clientKey)));
      }
    } finally {
      this.sending.set(false);
      // Closed meanwhile (logout): the answer belongs to no open page.
      if (queue === this.queue) {
        this.pending.set(queue.pending());
        this.retryLater(queue.pending().length > 0);
      }
    }
  }

  private retryLater(waiting: boolean): void {
    if (!waiting) {
      this.retryDelay = RETRY_FIRST_MS;
      return;
    }
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
  }

  dismiss(clientKey: string): void {
    this.rejected.update((list) => list.filter((r) => r.tap.clientKey !== clientKey));
  }
}

/** Where localStorage is missing (private mode in old browsers): the taps live as long as the page. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}
