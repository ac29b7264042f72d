import { DeliveryStatus } from '@worksite/shared-domain';

/**
 * The delivery state machine, once, for every ledger of provider calls (a crew's deliveries
 * and the coordinators' escalation alerts). The SQL the ledgers run is generated from this
 * table (libs/notices/data-access ledger-sql.ts); nothing else decides which state may follow
 * which.
 *
 *   planned ──claim──▶ sending ──accepted──▶ sent
 *      ▲  └─defer─┘       │ └──give-up──▶ failed
 *      └─────retry────────┤
 *                         └─interrupted─▶ unknown ──accepted (a late answer)──▶ sent
 *
 * A row is written `planned` (or `skipped` when it cannot be sent at all) before anything is
 * sent. `claim` is committed before the provider is called, so a crash after it leaves a
 * `sending` row whose outcome nobody knows (the watchdog finds it): it ends `unknown`,
 * counted and shown to the coordinator, never sent again automatically — the provider may
 * have taken it, and a crew must not get its notice twice (RELIABILITY.md). A resend is the
 * coordinator's decision (POST /api/notices/:id/resend).
 */
export type DeliveryEvent = 'claim' | 'defer' | 'accepted' | 'retry' | 'give-up' | 'interrupted';

/** What a transition writes besides the new status. */
export type TransitionEffect =
  /** attempts + 1 and the time of the claim (an attempt begins). */
  | 'attempt'
  /** next_attempt_at: when a later attempt may begin (a retry's backoff, a throttled robot). */
  | 'schedule'
  /** next_attempt_at cleared: no attempt will follow. */
  | 'unschedule'
  /** last_error: the provider's refusal or why the outcome is unknown. */
  | 'error'
  /** last_error cleared (a success). */
  | 'clear-error'
  /** provider_response: what the provider answered. */
  | 'response'
  /** sent_at. */
  | 'sent-at';

export interface DeliveryTransition {
  /** The states the event may leave; any other state makes the event a no-op. */
  from: readonly DeliveryStatus[];
  to: DeliveryStatus;
  /**
   * Which row the event may touch: `due` a planned row whose next attempt time has come;
   * `attempt` only the attempt that was claimed (its attempt number still current), so an
   * outcome recorded twice or late for an older attempt changes nothing; `any` any row in a
   * `from` state (a throttled send, the watchdog's sweep of interrupted sends).
   */
  guard: 'due' | 'attempt' | 'any';
  effects: readonly TransitionEffect[];
}

export const DELIVERY_TRANSITIONS: Readonly<Record<DeliveryEvent, DeliveryTransition>> = {
  claim: {
    from: [DeliveryStatus.Planned],
    to: DeliveryStatus.Sending,
    guard: 'due',
    effects: ['attempt'],
  },
  // A throttled send waits: no attempt is used, the time is kept so nobody tries earlier.
  defer: { from: [DeliveryStatus.Planned], to: DeliveryStatus.Planned, guard: 'any', effects: ['schedule'] },
  // A success is recorded even after the attempt was called unknown, or planned again to be
  // resent (a late answer for the same attempt: no resend is needed any more).
  accepted: {
    from: [DeliveryStatus.Sending, DeliveryStatus.Unknown, DeliveryStatus.Planned],
    to: DeliveryStatus.Sent,
    guard: 'attempt',
    effects: ['clear-error', 'response', 'sent-at'],
  },
  retry: {
    from: [DeliveryStatus.Sending],
    to: DeliveryStatus.Planned,
    guard: 'attempt',
    effects: ['error', 'response', 'schedule'],
  },
  'give-up': {
    from: [DeliveryStatus.Sending],
    to: DeliveryStatus.Failed,
    guard: 'attempt',
    effects: ['error', 'response', 'unschedule'],
  },
  interrupted: {
    from: [DeliveryStatus.Sending],
    to: DeliveryStatus.Unknown,
    guard: 'attempt',
    effects: ['error'],
  },
};

/**
 * States in which a row may still change on its own (be sent, retried, answered). A notice
 * is complete once none of its deliveries is open; no transition leads from a closed state
 * back to an open one, so "complete" never has to be taken back.
 */
export const OPEN_DELIVERY_STATES: readonly DeliveryStatus[] = [DeliveryStatus.Planned, DeliveryStatus.Sending];

/** How one attempt ended, as the sender saw it. */
export type AttemptOutcome =
  | { kind: 'sent'; response: unknown }
  | { kind: 'not-delivered'; error: string; response?: unknown; retriable: boolean }
  | { kind: 'unknown'; error: string };

/** The retry rule: how many provider calls a delivery gets, and the first wait (doubling after). */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
}

/**
 * The event an attempt's outcome is, given the attempts used so far (this one included): a
 * refusal is retried while attempts remain; an unknown outcome is never retried.
 */
export function outcomeEvent(
  outcome: AttemptOutcome,
  row: { attempts: number; kind: string },
  policy: RetryPolicy,
): DeliveryEvent {
  const attemptsLeft = row.attempts < policy.maxAttempts;
  if (outcome.kind === 'sent') return 'accepted';
  if (outcome.kind === 'unknown') return 'interrupted';
  return outcome.retriable && attemptsLeft ? 'retry' : 'give-up';
}

/** When the next attempt may begin after `attempts` calls were refused: base, 2 × base, 4 × base… */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  return policy.baseDelayMs * 2 ** Math.max(0, attempts - 1);
}

/** The state an event leads to from `state`, or undefined when the event does not apply. */
export function nextDeliveryState(state: DeliveryStatus, event: DeliveryEvent): DeliveryStatus | undefined {
  const transition = DELIVERY_TRANSITIONS[event];
  return transition.from.includes(state) ? transition.to : undefined;
}
