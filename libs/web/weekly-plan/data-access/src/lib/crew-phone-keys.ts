/**
 * What the crew lead's phone keeps in localStorage, per user: the outbox of taps not yet sent
 * and the day last loaded (for a start without network). One place names both, so the shell can
 * forget a user's data at logout without loading the crew page's code.
 */
const TAPS_PREFIX = 'ws.crew-taps.';
const DAY_PREFIX = 'ws.crew-day.';

/** The user's outbox (taps and acknowledgements waiting to be sent). */
export const crewTapsKey = (userId: string) => TAPS_PREFIX + userId;
/** The crew's day kept on the phone for the user. */
export const crewDayKey = (userId: string) => DAY_PREFIX + userId;

type KeyedStorage = Pick<Storage, 'length' | 'key' | 'removeItem'>;

/**
 * Removes the kept days (schedules, notices, names and places) of every user but `userId` (null:
 * of everyone). Outboxes are left alone: they hold only the owner's own taps, which go out when
 * that user signs in again, and dropping them here would lose reports silently.
 */
export function forgetKeptDays(storage: KeyedStorage | null, userId: string | null): void {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(DAY_PREFIX) && (userId === null || key !== crewDayKey(userId))) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage denied: nothing was kept either.
  }
}
