import { TestBed } from '@angular/core/testing';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { LIVE_MAX_FAILURES, LiveOptions, LiveUpdates } from './live-updates';

/** A fetch Response whose body yields the given chunks, then ends (or stays open). */
function streamResponse(status: number, chunks: string[], keepOpen = false) {
  const encoder = new NodeTextEncoder();
  let at = 0;
  return {
    status,
    ok: status >= 200 && status < 300,
    body: {
      getReader: () => ({
        read: () =>
          at < chunks.length
            ? Promise.resolve({ done: false, value: encoder.encode(chunks[at++]) })
            : keepOpen
              ? new Promise(() => undefined)
              : Promise.resolve({ done: true, value: undefined }),
      }),
    },
  };
}

const flush = async (times = 10) => {
  for (let i = 0; i < times; i++) await Promise.resolve();
};

describe('LiveUpdates', () => {
  const realFetch = globalThis.fetch;
  const realDecoder = globalThis.TextDecoder;
  let live: LiveUpdates;
  let events: { event: string; data: string }[];
  let refreshes: number;
  let options: LiveOptions;

  beforeEach(() => {
    jest.useFakeTimers();
    globalThis.TextDecoder = NodeTextDecoder as unknown as typeof TextDecoder;
    TestBed.configureTestingModule({ providers: [LiveUpdates] });
    live = TestBed.inject(LiveUpdates);
    events = [];
    refreshes = 0;
    options = {
      url: '/api/incidents/i1/stream',
      headers: () => ({ authorization: 'Bearer t1' }),
      reauthorize: async () => true,
      onEvent: (event) => events.push(event),
      refresh: async () => void refreshes++,
      pollMs: 4000,
    };
  });

  afterEach(() => {
    live.stop();
    globalThis.fetch = realFetch;
    globalThis.TextDecoder = realDecoder;
    jest.useRealTimers();
  });

  it('reads the stream with the Bearer token and hands on each event', async () => {
    const fetchMock = jest
      .fn()
      .mockResolvedValue(streamResponse(200, [': hello\n\nevent: incident\ndata: {"id":', '"i1"}\n\n'], true));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    live.start(options);
    await flush(20);
    expect(live.mode()).toBe('live');
    expect(events).toEqual([{ event: 'incident', data: '{"id":"i1"}' }]);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/incidents/i1/stream');
    expect(init.headers).toMatchObject({ authorization: 'Bearer t1', accept: 'text/event-stream' });
  });

  it('gets a fresh token after a 401 and connects again', async () => {
    const fetchMock = jest
      .fn()
      .mockResolvedValueOnce(streamResponse(401, []))
      .mockResolvedValueOnce(streamResponse(200, ['event: incident\ndata: {}\n\n'], true));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const reauthorize = jest.fn().mockResolvedValue(true);
    live.start({ ...options, reauthorize });
    await flush(20);
    expect(reauthorize).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(live.mode()).toBe('live');
  });

  it('falls back to polling when the stream keeps failing', async () => {
    const fetchMock = jest.fn().mockResolvedValue(streamResponse(503, []));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    live.start(options);
    for (let i = 0; i < LIVE_MAX_FAILURES; i++) {
      await flush(20);
      jest.advanceTimersByTime(5000);
    }
    await flush(20);
    expect(fetchMock).toHaveBeenCalledTimes(LIVE_MAX_FAILURES);
    expect(live.mode()).toBe('polling');
    const before = refreshes;
    jest.advanceTimersByTime(4000);
    await flush(20);
    jest.advanceTimersByTime(4000);
    await flush(20);
    expect(refreshes - before).toBe(2);
  });
});
