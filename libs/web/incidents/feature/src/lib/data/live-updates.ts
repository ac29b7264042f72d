import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { SseEvent, SseParser } from './sse-parser';

/** How the page learns of changes: the server's event stream, or asking every few seconds. */
export type LiveMode = 'off' | 'connecting' | 'live' | 'polling';

export interface LiveOptions {
  /** The stream's path (`/api/...`). */
  url: string;
  /** Headers of each connection (the session's Bearer token: EventSource could not send it). */
  headers: () => Record<string, string>;
  /** After a 401: gets a fresh token; false when the session is gone. */
  reauthorize: () => Promise<boolean>;
  /** Each event of the stream. */
  onEvent: (event: SseEvent) => void;
  /** Reloads the page's data (polling, and after a reconnection). */
  refresh: () => Promise<void>;
  /** Polling period when the stream is unavailable (default 5 s). */
  pollMs?: number;
}

/** A stream that fails this many times in a row without delivering is given up for polling. */
export const LIVE_MAX_FAILURES = 3;
/** Silence after which a stream is taken for dead (the server sends a comment every 15 s). */
export const LIVE_SILENCE_MS = 45_000;

/**
 * Keeps a page current through a server-sent event stream read with `fetch()` (so it carries
 * the Authorization header, which EventSource cannot), reconnecting when it drops. If it cannot
 * be opened or keeps failing, the page is reloaded every `pollMs` instead. Reloads never overlap.
 */
@Injectable()
export class LiveUpdates {
  readonly mode = signal<LiveMode>('off');
  private options: LiveOptions | null = null;
  private abort: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private generation = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  start(options: LiveOptions): void {
    this.stop();
    this.options = options;
    this.failures = 0;
    void this.connect(++this.generation);
  }

  stop(): void {
    this.generation++;
    this.abort?.abort();
    this.abort = null;
    clearTimeout(this.timer);
    clearTimeout(this.watchdog);
    this.options = null;
    this.mode.set('off');
  }

  /** Reloads now; a call during a reload causes one more afterwards. */
  refreshNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const options = this.options;
    if (!options) return Promise.resolve();
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await options.refresh();
        } catch {
          // The page shows its own load error; the next event or poll tries again.
        }
      } while (this.again && this.options === options);
    })().finally(() => (this.running = null));
    return this.running;
  }

  private async connect(generation: number): Promise<void> {
    const options = this.options;
    if (!options || generation !== this.generation) return;
    if (typeof fetch !== 'function' || typeof TextDecoder === 'undefined') return this.poll(generation);
    this.mode.set('connecting');
    const abort = new AbortController();
    this.abort = abort;
    let delivered = false;
    try {
      let response = await this.open(options, abort.signal);
      if (response.status === 401 && (await options.reauthorize())) response = await this.open(options, abort.signal);
      if (!response.ok || !response.body) throw new Error(`stream: ${response.status}`);
      if (generation !== this.generation) return;
      this.mode.set('live');
      // Whatever happened while disconnected: the first event is the whole state anyway.
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = new SseParser();
      this.arm(abort);
      for (;;) {
        const { done, value } = await reader.read();
        if (done || generation !== this.generation) break;
        this.arm(abort);
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          delivered = true;
          this.failures = 0;
          options.onEvent(event);
        }
      }
    } catch {
      // Network error, refused, or aborted by the watchdog: handled below.
    } finally {
      clearTimeout(this.watchdog);
    }
    if (generation !== this.generation) return;
    if (!delivered) this.failures++;
    if (this.failures >= LIVE_MAX_FAILURES) return this.poll(generation);
    this.mode.set('connecting');
    this.timer = setTimeout(() => void this.connect(generation), 1000 * Math.max(1, this.failures));
  }

  private open(options: LiveOptions, signal: AbortSignal): Promise<Response> {
    return fetch(options.url, {
      headers: { accept: 'text/event-stream', ...options.headers() },
      cache: 'no-store',
      signal,
    });
  }

  /** A stream silent for too long is cut, so it reconnects. */
  private arm(abort: AbortController): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => abort.abort(), LIVE_SILENCE_MS);
  }

  private poll(generation: number): void {
    if (generation !== this.generation || !this.options) return;
    this.mode.set('polling');
    const period = this.options.pollMs ?? 5000;
    const tick = async () => {
      if (generation !== this.generation) return;
      await this.refreshNow();
      if (generation === this.generation) this.timer = setTimeout(() => void tick(), period);
    };
    this.timer = setTimeout(() => void tick(), period);
  }
}
