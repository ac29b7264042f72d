import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import { RejectedTap, TapQueue, TapTransport } from './tap-queue';
import { newClientKey } from './tap-view';
import { WeeklyPlanApi } from './weekly-plan.api';
import { CrewReportRequest } from '@worksite/shared-make-ready';

const STORAGE_PREFIX = 'ws.crew-taps.';
/** Retries while taps wait and the phone says it is online: 2 s, doubling, at most a minute apart. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/** A tap as the page makes it; the outbox adds the key and the time. */
export type NewTap = Omit<CrewReportRequest, 'clientKey' | 'tappedAt'>;

/**
 * The crew lead's outbox: every tap is stored on the phone first (localStorage, one queue per
 * user), shown at once, and sent when the phone is online — right away, on the 'online' event,
 * on page load, and again with backoff while a send fails (the 'online' event often comes before
 * the network really works). Taps the server refuses are listed in `rejected` until dismissed.
 */
@Injectable({ providedIn: 'root' })
export class CrewOutbox {
  private readonly api = inject(WeeklyPlanApi);
  private readonly window = inject(DOCUMENT).defaultView;
  private queue: TapQueue | null = null;
  private flushing = false;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = RETRY_FIRST_MS;
  private readonly transport: TapTransport = {
    one: (report) => this.api.report(report),
    batch: (reports) => this.api.reports(reports),
  };

  /** Taps not yet accepted by the server, oldest first. */
  readonly pending = signal<CrewReportRequest[]>([]);
  /** Taps made on this page (sent or not), oldest first: what the page shows over the stored tasks. */
  readonly taps = signal<CrewReportRequest[]>([]);
  readonly rejected = signal<RejectedTap[]>([]);
  readonly sending = signal(false);
  readonly waiting = computed(() => this.pending().length);
  readonly waitingKeys = computed(() => new Set(this.pending().map((r) => r.clientKey)));

  constructor() {
    this.window?.addEventListener('online', () => void this.flush());
  }

  /** Opens the user's queue (their taps only) and sends what an earlier visit left. */
  open(userId: string): void {
    this.queue = new TapQueue(this.window?.localStorage ?? memoryStorage(), STORAGE_PREFIX + userId);
    const pending = this.queue.pending();
    this.pending.set(pending);
    this.taps.set(pending);
    void this.flush();
  }

  tap(tap: NewTap): CrewReportRequest {
    if (!this.queue) throw new Error('CrewOutbox.open() first');
    const report: CrewReportRequest = { ...tap, clientKey: newClientKey(), tappedAt: new Date().toISOString() };
    this.queue.add(report);
    this.pending.set(this.queue.pending());
    this.taps.update((list) => [...list, report]);
    void this.flush();
    return report;
  }

  /**
   * Sends what is queued (unless the phone says it is offline). A call during a send makes that
   * send go round once more instead of starting a second one (so a refusal is reported once).
   */
  async flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = true;
    try {
      do {
        this.again = false;
        await this.send();
      } while (this.again);
    } finally {
      this.flushing = false;
    }
  }

  private async send(): Promise<void> {
    const queue = this.queue;
    if (!queue || queue.pending().length === 0) return;
    if (this.window?.navigator.onLine === false) return;
    this.sending.set(true);
    try {
      const result = await queue.flush(this.transport);
      if (result.rejected.length) {
        const dropped = new Set(result.rejected.map((r) => r.report.clientKey));
        this.rejected.update((list) => [...list, ...result.rejected]);
        this.taps.update((list) => list.filter((r) => !dropped.has(r.clientKey)));
      }
    } finally {
      this.pending.set(queue.pending());
      this.sending.set(false);
      this.retryLater(queue.pending().length > 0);
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
    this.rejected.update((list) => list.filter((r) => r.report.clientKey !== clientKey));
  }
}

/** Where localStorage is missing (private mode in old browsers): the taps live as long as the page. */
function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}
