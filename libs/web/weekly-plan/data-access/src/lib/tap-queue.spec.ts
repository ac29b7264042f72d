import { AckTap, TapQueue, TapStorage, TapTransport } from './tap-queue';
import { CrewReportRequest } from '@worksite/shared-make-ready';

class MemoryStorage implements TapStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const tap = (clientKey: string, extra: Partial<CrewReportRequest> = {}): CrewReportRequest => ({
  clientKey,
  taskId: 't1',
  kind: 'not_done',
  reason: 'materials_missing',
  tappedAt: '2026-12-04T02:00:00.000Z',
  ...extra,
});

const ack = (clientKey: string, noticeId = 'n1'): AckTap => ({
  clientKey,
  noticeId,
  tappedAt: '2026-12-04T01:00:00.000Z',
});

/** A server that applies each key once and refuses the keys in `refuse`; `online` false = no network. */
class FakeServer implements TapTransport {
  online = true;
  readonly applied = new Set<string>();
  readonly calls: string[] = [];
  refuse = new Set<string>();

  async one(report: CrewReportRequest): Promise<{ applied: boolean }> {
    this.calls.push(`one:${report.clientKey}`);
    this.check([report]);
    return { applied: this.apply(report.clientKey) };
  }

  async batch(reports: CrewReportRequest[]) {
    this.calls.push(`batch:${reports.map((r) => r.clientKey).join(',')}`);
    this.check(reports);
    return { results: reports.map((r) => ({ clientKey: r.clientKey, applied: this.apply(r.clientKey) })) };
  }

  /** The acknowledge route: idempotent per notice (a second call changes nothing). */
  readonly acked = new Map<string, number>();
  async ack({ noticeId }: AckTap): Promise<{ changed: boolean }> {
    this.calls.push(`ack:${noticeId}`);
    if (!this.online) throw { status: 0, message: 'network' };
    if (this.refuse.has(noticeId)) throw { status: 403, message: `not your notice ${noticeId}` };
    this.acked.set(noticeId, (this.acked.get(noticeId) ?? 0) + 1);
    return { changed: this.acked.get(noticeId) === 1 };
  }

  private check(reports: CrewReportRequest[]): void {
    if (!this.online) throw { status: 0, message: 'network' };
    const bad = reports.find((r) => this.refuse.has(r.clientKey));
    if (bad) throw { status: 400, message: `bad tap ${bad.clientKey}` };
  }

  private apply(key: string): boolean {
    if (this.applied.has(key)) return false;
    this.applied.add(key);
    return true;
  }
}

describe('TapQueue', () => {
  let storage: MemoryStorage;
  let server: FakeServer;

  beforeEach(() => {
    storage = new MemoryStorage();
    server = new FakeServer();
  });

  it('keeps taps made offline across page loads and sends them together once online', async () => {
    server.online = false;
    const first = new TapQueue(storage, 'taps');
    first.add(tap('a'));
    first.add(tap('b', { kind: 'progress', progress: 50, reason: undefined }));
    expect(await first.flush(server)).toEqual({ sent: 0, rejected: [], waiting: 2 });

    const reloaded = new TapQueue(storage, 'taps');
    expect(reloaded.pending().map((r) => r.clientKey)).toEqual(['a', 'b']);
    server.online = true;
    expect(await reloaded.flush(server)).toEqual({ sent: 2, rejected: [], waiting: 0 });
    expect(server.calls).toEqual(['batch:a,b', 'batch:a,b']);
    expect(reloaded.pending()).toEqual([]);
  });

  it('sends a single tap to the single route', async () => {
    const queue = new TapQueue(storage, 'taps');
    queue.add(tap('a'));
    expect(await queue.flush(server)).toEqual({ sent: 1, rejected: [], waiting: 0 });
    expect(server.calls).toEqual(['one:a']);
  });

  it('counts a tap the server already had as sent (the answer was lost), and the server applies it once', async () => {
    const queue = new TapQueue(storage, 'taps');
    server.applied.add('a');
    queue.add(tap('a'));
    expect((await queue.flush(server)).sent).toBe(1);
    expect([...server.applied]).toEqual(['a']);
    expect(queue.pending()).toEqual([]);
  });

  it('drops a refused tap with its message and still sends the others', async () => {
    const queue = new TapQueue(storage, 'taps');
    queue.add(tap('a'));
    queue.add(tap('bad'));
    queue.add(tap('c'));
    server.refuse.add('bad');
    const result = await queue.flush(server);
    expect(result.sent).toBe(2);
    expect(result.rejected).toEqual([{ tap: tap('bad'), message: 'bad tap bad' }]);
    expect(result.waiting).toBe(0);
    expect([...server.applied].sort()).toEqual(['a', 'c']);
  });

  it('drops the taps the batch answer marks as failed, with the server’s reason', async () => {
    const queue = new TapQueue(storage, 'taps');
    queue.add(tap('a'));
    queue.add(tap('b'));
    const transport: TapTransport = {
      one: () => Promise.reject(new Error('not used')),
      ack: () => Promise.reject(new Error('not used')),
      batch: async () => ({
        results: [
          { clientKey: 'a', applied: true },
          { clientKey: 'b', applied: false, error: '不是你班组的任务' },
        ],
      }),
    };
    const result = await queue.flush(transport);
    expect(result).toEqual({ sent: 1, rejected: [{ tap: tap('b'), message: '不是你班组的任务' }], waiting: 0 });
  });

  it.each([0, 401, 429, 503])('keeps every tap when the call fails with status %i', async (status) => {
    const queue = new TapQueue(storage, 'taps');
    queue.add(tap('a'));
    const failing: TapTransport = {
      one: () => Promise.reject({ status, message: 'later' }),
      batch: () => Promise.reject({ status, message: 'later' }),
      ack: () => Promise.reject({ status, message: 'later' }),
    };
    queue.add(ack('k'));
    expect(await queue.flush(failing)).toEqual({ sent: 0, rejected: [], waiting: 2 });
  });

  it('sends a long queue in batches the api accepts, oldest first', async () => {
    const queue = new TapQueue(storage, 'taps', 2);
    for (const key of ['a', 'b', 'c', 'd', 'e']) queue.add(tap(key));
    expect(await queue.flush(server)).toEqual({ sent: 5, rejected: [], waiting: 0 });
    expect(server.calls).toEqual(['batch:a,b', 'batch:c,d', 'one:e']);
  });

  it('sends a tap made while a flush is on its way in the same flush, and shares one flush between callers', async () => {
    const queue = new TapQueue(storage, 'taps');
    queue.add(tap('a'));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: TapTransport = {
      one: async (report) => {
        await gate;
        return server.one(report);
      },
      batch: (reports) => server.batch(reports),
      ack: (ack) => server.ack(ack),
    };
    const first = queue.flush(slow);
    const second = queue.flush(slow);
    expect(second).toBe(first);
    queue.add(tap('late'));
    release();
    expect(await first).toEqual({ sent: 2, rejected: [], waiting: 0 });
    expect(server.calls).toEqual(['one:a', 'one:late']);
  });

  it('keeps an acknowledgement made offline in the same queue and sends it once, in tap order, once online', async () => {
    server.online = false;
    const queue = new TapQueue(storage, 'taps');
    queue.add(tap('a'));
    queue.add(tap('b'));
    queue.add(ack('k1', 'n1'));
    queue.add(tap('c'));
    expect(await queue.flush(server)).toEqual({ sent: 0, rejected: [], waiting: 4 });
    expect(new TapQueue(storage, 'taps').pending().map((t) => t.clientKey)).toEqual(['a', 'b', 'k1', 'c']);

    server.online = true;
    server.calls.length = 0;
    expect(await new TapQueue(storage, 'taps').flush(server)).toEqual({ sent: 4, rejected: [], waiting: 0 });
    // The reports before the acknowledgement go as one batch; the acknowledgement alone, once.
    expect(server.calls).toEqual(['batch:a,b', 'ack:n1', 'one:c']);
    expect(server.acked.get('n1')).toBe(1);
    expect(await queue.flush(server)).toEqual({ sent: 0, rejected: [], waiting: 0 });
    expect(server.acked.get('n1')).toBe(1);
  });

  it('drops an acknowledgement the server refuses (not the crew’s notice), with its message', async () => {
    const queue = new TapQueue(storage, 'taps');
    queue.add(ack('k1', 'gone'));
    queue.add(tap('a'));
    server.refuse.add('gone');
    const result = await queue.flush(server);
    expect(result).toEqual({
      sent: 1,
      rejected: [{ tap: ack('k1', 'gone'), message: 'not your notice gone' }],
      waiting: 0,
    });
    expect(server.calls).toEqual(['ack:gone', 'one:a']);
  });

  it('forgets every waiting tap when told to discard them', () => {
    const queue = new TapQueue(storage, 'taps');
    queue.add(tap('a'));
    queue.add(ack('k1'));
    queue.discard();
    expect(storage.items.has('taps')).toBe(false);
    expect(queue.pending()).toEqual([]);
  });

  it('reads a damaged store as empty rather than failing the page', () => {
    storage.setItem('taps', '{not json');
    expect(new TapQueue(storage, 'taps').pending()).toEqual([]);
  });
});
