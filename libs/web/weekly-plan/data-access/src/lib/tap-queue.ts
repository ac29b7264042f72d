import type { CrewReportRequest } from '@worksite/shared-make-ready';

/** Where the queue keeps its taps between page loads (localStorage has this shape). */
export interface TapStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The crew lead's "收到" on a notice: queued and sent like a report (the server's ack is idempotent). */
export interface AckTap {
  noticeId: string;
  clientKey: string;
  tappedAt: string;
}

/** What the queue holds, in tap order: reports on tasks and acknowledgements of notices. */
export type QueuedTap = CrewReportRequest | AckTap;

export function isAck(tap: QueuedTap): tap is AckTap {
  return typeof (tap as Partial<AckTap>).noticeId === 'string';
}

/** A failed call as the transport reports it: HTTP status (0 = no network) and the server's message. */
export interface SendFailure {
  status: number;
  message: string;
}

/** The two report routes and the acknowledge route; each rejects with a SendFailure-shaped error. */
export interface TapTransport {
  one(report: CrewReportRequest): Promise<{ applied: boolean }>;
  batch(reports: CrewReportRequest[]): Promise<{ results: { clientKey: string; applied: boolean; error?: string }[] }>;
  ack(ack: AckTap): Promise<unknown>;
}

/** A tap the server refused (bad input, not the lead's task or crew): dropped from the queue, shown to the user. */
export interface RejectedTap {
  tap: QueuedTap;
  message: string;
}

export interface FlushResult {
  /** Taps the server now has (applied now, or already applied earlier under the same key). */
  sent: number;
  rejected: RejectedTap[];
  /** Taps still waiting (no network, session expired, server error). */
  waiting: number;
}

/** Worth sending again later: no network, session to renew, timeout, rate limit, server error. */
export function isRetryable(failure: SendFailure): boolean {
  const { status } = failure;
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

function failureOf(error: unknown): SendFailure {
  const e = error as Partial<SendFailure> | null;
  return { status: typeof e?.status === 'number' ? e.status : 0, message: e?.message ?? String(error) };
}

/**
 * The crew lead's taps, persisted first and sent when the network allows, in tap order: one
 * report goes to the single route, several in a row to the batch route, an acknowledgement to
 * its own route. Each report keeps its clientKey and an acknowledgement changes nothing the
 * second time, so a tap sent twice (the answer lost on the way back) is applied once by the
 * server. A tap the server refuses is dropped and returned for the page to show; nothing is
 * dropped silently.
 */
export class TapQueue {
  private flushing: Promise<FlushResult> | null = null;

  /** `maxBatch`: the most taps the batch route takes at once (the api's REPORT_BATCH_LIMIT). */
  constructor(
    private readonly storage: TapStorage,
    private readonly key: string,
    private readonly maxBatch = 200,
  ) {}

  /** Taps not yet accepted by the server, oldest first. */
  pending(): QueuedTap[] {
    return readTaps(this.storage, this.key);
  }

  add(tap: QueuedTap): void {
    this.save([...this.pending(), tap]);
  }

  /** Forgets every waiting tap (the user chose to discard them). */
  discard(): void {
    this.storage.removeItem(this.key);
  }

  /** Sends what is queued; concurrent calls share one flush. */
  flush(transport: TapTransport): Promise<FlushResult> {
    this.flushing ??= this.sendAll(transport).finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async sendAll(transport: TapTransport): Promise<FlushResult> {
    const done = new Set<string>();
    const rejected: RejectedTap[] = [];
    try {
      // Oldest first, at most `maxBatch` at a time, until nothing is left that this flush has not tried.
      for (;;) {
        const batch = nextSend(
          this.pending().filter((r) => !done.has(r.clientKey)),
          this.maxBatch,
        );
        if (batch.length === 0) break;
        if (batch.length === 1) await this.sendOne(transport, batch[0], done, rejected);
        else await this.sendBatch(transport, batch as CrewReportRequest[], done, rejected);
        // Taps made while sending stay in the store; settled ones leave it.
        this.save(this.pending().filter((r) => !done.has(r.clientKey)));
        if (batch.some((r) => !done.has(r.clientKey))) break;
      }
    } catch {
      // A retryable failure: what was not settled stays queued.
    }
    this.save(this.pending().filter((r) => !done.has(r.clientKey)));
    return { sent: done.size - rejected.length, rejected, waiting: this.pending().length };
  }

  private async sendOne(transport: TapTransport, tap: QueuedTap, done: Set<string>, rejected: RejectedTap[]) {
    try {
      if (isAck(tap)) await transport.ack(tap);
      else await transport.one(tap);
    } catch (error) {
      const failure = failureOf(error);
      if (isRetryable(failure)) throw error;
      rejected.push({ tap, message: failure.message });
    }
    done.add(tap.clientKey);
  }

  private async sendBatch(
    transport: TapTransport,
    batch: CrewReportRequest[],
    done: Set<string>,
    rejected: RejectedTap[],
  ): Promise<void> {
    let answer: Awaited<ReturnType<TapTransport['batch']>>;
    try {
      answer = await transport.batch(batch);
    } catch (error) {
      if (isRetryable(failureOf(error))) throw error;
      // The batch as a whole was refused (one bad tap fails its validation): one by one, so only
      // the bad tap is dropped.
      for (const report of batch) await this.sendOne(transport, report, done, rejected);
      return;
    }
    const byKey = new Map(batch.map((r) => [r.clientKey, r]));
    for (const result of answer.results) {
      const report = byKey.get(result.clientKey);
      if (!report) continue;
      if (result.error) rejected.push({ tap: report, message: result.error });
      done.add(result.clientKey);
    }
  }

  private save(taps: QueuedTap[]): void {
    this.storage.setItem(this.key, JSON.stringify(taps));
  }
}

/** The taps stored under `key` (none when the entry is missing or unreadable). */
export function readTaps(storage: Pick<TapStorage, 'getItem'>, key: string): QueuedTap[] {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as QueuedTap[]) : [];
  } catch {
    return [];
  }
}

/** What one request sends: an acknowledgement alone, else the reports in a row before the next one (at most `max`). */
function nextSend(waiting: QueuedTap[], max: number): QueuedTap[] {
  if (waiting.length === 0 || isAck(waiting[0])) return waiting.slice(0, 1);
  const firstAck = waiting.findIndex(isAck);
  return waiting.slice(0, Math.min(max, firstAck < 0 ? waiting.length : firstAck));
}
