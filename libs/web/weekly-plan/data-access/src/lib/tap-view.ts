import type { CrewReportRequest, VarianceReason } from '@worksite/shared-make-ready';

/** What the phone shows for a task once the lead's taps are applied (before the server has them). */
export interface TappedState {
  status: string;
  progress: number;
  notDone: { reason: VarianceReason; note: string } | null;
  /** Taps of this task still waiting to be sent. */
  waiting: number;
}

/** Applies the taps (oldest first) to a task's stored status and progress, as the server will (tap-rules). */
export function tappedState(
  task: { id: string; status: string; progress: number },
  taps: readonly CrewReportRequest[],
  waitingKeys: ReadonlySet<string> = new Set(),
): TappedState {
  const state: TappedState = { status: task.status, progress: task.progress, notDone: null, waiting: 0 };
  for (const tap of taps) {
    if (tap.taskId !== task.id) continue;
    if (waitingKeys.has(tap.clientKey)) state.waiting++;
    switch (tap.kind) {
      case 'started':
        if (state.status !== 'done') state.status = 'in_progress';
        state.notDone = null;
        break;
      case 'progress':
        // A done task keeps its 100 % (the server never moves it back).
        if (state.status === 'done') break;
        state.progress = tap.progress ?? state.progress;
        if (state.progress > 0) state.status = 'in_progress';
        break;
      case 'done':
        state.status = 'done';
        state.progress = 100;
        state.notDone = null;
        break;
      case 'not_done':
        state.notDone = { reason: tap.reason ?? 'other', note: tap.note ?? '' };
        break;
    }
  }
  return state;
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
