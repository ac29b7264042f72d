import { applyTap, CrewReportRequest, NotDoneReport, TapState } from '@worksite/shared-make-ready';

/** What the phone shows for a task once the lead's taps are applied (before the server has them). */
export interface TappedState extends TapState {
  /** Taps of this task still waiting to be sent. */
  waiting: number;
}

/**
 * Applies the taps made on this phone (oldest first) to a task as the server stored it, by the
 * api's own rule (applyTap of @worksite/shared-make-ready). `notDone` is the "not done" the
 * server recorded today (its reports), which the taps may replace or clear.
 */
export function tappedState(
  task: { id: string; status: string; progress: number },
  taps: readonly CrewReportRequest[],
  waitingKeys: ReadonlySet<string> = new Set(),
  notDone: NotDoneReport | null = null,
): TappedState {
  let state: TapState = { status: task.status, progress: task.progress, notDone };
  let waiting = 0;
  for (const tap of taps) {
    if (tap.taskId !== task.id) continue;
    if (waitingKeys.has(tap.clientKey)) waiting++;
    state = applyTap(state, tap);
  }
  return { ...state, waiting };
}

/** A fresh clientKey: crypto.randomUUID where the page is a secure context, else a v4 UUID from random bytes. */
export function newClientKey(
  cryptoImpl: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = crypto,
): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
