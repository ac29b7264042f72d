import { Logger } from '@nestjs/common';

/** How often one emitter may log a connection error while Redis stays away. */
const QUIET_MS = 60_000;

/**
 * Listens to a BullMQ queue's or flow producer's 'error' events (without a listener BullMQ
 * prints each reconnection failure to the console, every two seconds while Redis is down)
 * and logs them as warnings, at most once a minute per emitter. The database-side watchdog
 * re-queues whatever could not be queued meanwhile.
 */
export function logConnectionErrors(
  emitter: { on(event: 'error', listener: (error: Error) => void): unknown },
  name: string,
): void {
  const logger = new Logger('Redis');
  let last = 0;
  emitter.on('error', (error: Error) => {
    if (Date.now() - last < QUIET_MS) return;
    last = Date.now();
    logger.warn(`${name}: ${error.message}`);
  });
}
