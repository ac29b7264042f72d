import type { CrewReportRequest } from '@worksite/shared-make-ready';

/** Where the queue keeps its taps between page loads (localStorage has this shape). */
export interface TapStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A failed call as the transport reports it: HTTP status (0 = no network) and the server's message. */
export interface SendFailure {
  status: number;
  message: string;
}

/** The two report routes; each rejects with a SendFailure-shaped error. */
export interface TapTransport {
  one(report: CrewReportRequest): Promise<{ applied: boolean }>;
  batch(reports: CrewReportRequest[]): Promise<{ results: { clientKey: string; applied: boolean; error?: string }[] }>;
}

/** A tap the server refused (bad input, not the lead's task): dropped from the queue, shown to the user. */
export interface RejectedTap {
  report: CrewReportRequest;
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
 * The crew lead's taps, persisted first and sent when the network allows: one tap goes to the
 * single route, several to the batch route (in tap order). Each tap keeps its clientKey, so a
 * tap sent twice (the answer lost on the way back) is applied once by the server. A tap the
 * server refuses is dropped and returned for the page to show; nothing is dropped silently.
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
  pending(): CrewReportRequest[] {
    try {
      const parsed = JSON.parse(this.storage.getItem(this.key) ?? '[]') as unknown;
      return Array.isArray(parsed) ? (parsed as CrewReportRequest[]) : [];
    } catch {
      return [];
    }
  }

  add(report: CrewReportRequest): void {
    this.save([...this.pending(), report]);
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
        const batch = this.pending()
          .filter((r) => !done.has(r.clientKey))
          .slice(0, this.maxBatch);
        if (batch.length === 0) break;
        if (batch.length === 1) await this.sendOne(transport, batch[0], done, rejected);
        else await this.sendBatch(transport, batch, done, rejected);
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

  private async sendOne(
    transport: TapTransport,
    report: CrewReportRequest,
    done: Set<string>,
    rejected: RejectedTap[],
  ): Promise<void> {
    try {
      await transport.one(report);
    } catch (error) {
      const failure = failureOf(error);
      if (isRetryable(failure)) throw error;
      rejected.push({ report, message: failure.message });
    }
    done.add(report.clientKey);
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
      if (result.error) rejected.push({ report, message: result.error });
      done.add(result.clientKey);
    }
  }

  private save(reports: CrewReportRequest[]): void {
    this.storage.setItem(this.key, JSON.stringify(reports));
  }
}
