import { DestroyRef, inject, Injectable, signal } from '@angular/core';

/** How the board learns of changes: a server-sent event stream, or asking every few seconds. */
export type LiveMode = 'off' | 'connecting' | 'live' | 'polling';

export interface LiveOptions {
  /** The stream's URL, asked anew at each connection (it may carry a short-lived token). */
  url: () => Promise<string>;
  /** Named events of the stream that mean "something changed" (unnamed `message` events always do). */
  events: readonly string[];
  /** Reloads what the page shows. */
  refresh: () => Promise<void>;
  /** Polling period when the stream is unavailable (default 5 s). */
  pollMs?: number;
}

/** A stream that fails this many times in a row without delivering is given up for polling. */
const MAX_FAILURES = 3;

/**
 * Keeps a page current: an EventSource on the server's stream, each event reloading the page's
 * data (reloads never overlap; events during one cause one more). If the browser has no
 * EventSource, the stream cannot be opened or it keeps failing, the page is reloaded every
 * `pollMs` instead. A reconnected stream reloads once, for what was missed meanwhile.
 */
@Injectable()
export class LiveUpdates {
  readonly mode = signal<LiveMode>('off');
  private source: EventSource | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private options: LiveOptions | null = null;
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
    this.source?.close();
    this.source = null;
    clearTimeout(this.timer);
    this.options = null;
    this.mode.set('off');
  }

  /** Reloads now (coalesced with a reload in progress). */
  async refreshNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const options = this.options;
    if (!options) return;
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
    if (!options) return;
    if (typeof EventSource === 'undefined') return this.poll(generation);
    this.mode.set('connecting');
    let url: string;
    try {
      url = await options.url();
    } catch {
      return this.poll(generation);
    }
    if (generation !== this.generation) return;
    const source = new EventSource(url);
    this.source = source;
    let opened = false;
    source.onopen = () => {
      if (generation !== this.generation) return;
      this.mode.set('live');
      // A reconnection may have missed events.
      if (opened || this.failures > 0) void this.refreshNow();
      opened = true;
      this.failures = 0;
    };
    const changed = () => {
      if (generation === this.generation) void this.refreshNow();
    };
    source.onmessage = changed;
    for (const name of options.events) source.addEventListener(name, changed);
    source.onerror = () => {
      if (generation !== this.generation) return;
      this.failures++;
      // CLOSED: the server refused the stream (e.g. an expired token); CONNECTING: the browser retries.
      if (source.readyState === EventSource.CLOSED || this.failures >= MAX_FAILURES) {
        source.close();
        this.source = null;
        if (this.failures >= MAX_FAILURES) return this.poll(generation);
        // A fresh URL (token) for the next attempt.
        this.mode.set('connecting');
        this.timer = setTimeout(() => void this.connect(generation), 1000);
      }
    };
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
