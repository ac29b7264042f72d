import { MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';

/** How often a stream looks for changes, and how often it writes a keep-alive comment. */
export const STREAM_POLL_MS = 1000;
const KEEP_ALIVE_MS = 15_000;

/**
 * The board's live feed: the whole state (`event: incident`) at once and again after every
 * change. Changes are seen through a cheap stamp read from PostgreSQL every second, so every api
 * instance sees what the worker and the other instances wrote (no pub/sub to lose).
 */
export function incidentStream<T>(
  first: T,
  stamp: () => Promise<string>,
  read: () => Promise<T>,
  pollMs = STREAM_POLL_MS,
): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    let last: string | undefined;
    let busy = false;
    let quietSince = Date.now();
    subscriber.next({ type: 'incident', data: first as object });
    void stamp()
      .then((value) => (last = value))
      .catch(() => undefined);
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      stamp()
        .then(async (value) => {
          if (last !== undefined && value !== last) {
            subscriber.next({ type: 'incident', data: (await read()) as object });
            quietSince = Date.now();
          } else if (Date.now() - quietSince >= KEEP_ALIVE_MS) {
            subscriber.next({ comment: 'keep-alive' } as MessageEvent);
            quietSince = Date.now();
          }
          last = value;
        })
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, pollMs);
    return () => clearInterval(timer);
  });
}
