import { DeliveryStatus } from '@worksite/shared-domain';
import {
  DELIVERY_TRANSITIONS,
  DeliveryEvent,
  nextDeliveryState,
  OPEN_DELIVERY_STATES,
  outcomeEvent,
  retryDelayMs,
} from './delivery-machine';

const { Planned, Sending, Sent, Failed, Unknown, Skipped } = DeliveryStatus;
const ALL = Object.values(DeliveryStatus);
const EVENTS = Object.keys(DELIVERY_TRANSITIONS) as DeliveryEvent[];
const policy = { maxAttempts: 3, baseDelayMs: 30_000 };

describe('the delivery state machine', () => {
  it('allows exactly these moves', () => {
    const moves = ALL.flatMap((state) =>
      EVENTS.flatMap((event) => {
        const next = nextDeliveryState(state, event);
        return next ? [`${state} -${event}-> ${next}`] : [];
      }),
    ).sort();
    expect(moves).toEqual(
      [
        'planned -claim-> sending',
        'planned -defer-> planned',
        'sending -accepted-> sent',
        'unknown -accepted-> sent',
        'planned -accepted-> sent',
        'sending -retry-> planned',
        'sending -give-up-> failed',
        'sending -interrupted-> unknown',
      ].sort(),
    );
  });

  it('never leaves sent, failed or skipped, and never reopens a closed delivery', () => {
    for (const state of [Sent, Failed, Skipped]) {
      for (const event of EVENTS) expect(nextDeliveryState(state, event)).toBeUndefined();
    }
    // A notice, once all its deliveries are closed, stays complete.
    for (const state of ALL.filter((s) => !OPEN_DELIVERY_STATES.includes(s))) {
      for (const event of EVENTS) {
        const next = nextDeliveryState(state, event);
        if (next !== undefined) expect(OPEN_DELIVERY_STATES).not.toContain(next);
      }
    }
  });

  it('counts an attempt only when a due delivery is claimed; outcomes touch only the claimed attempt', () => {
    const counting = EVENTS.filter((event) => DELIVERY_TRANSITIONS[event].effects.includes('attempt'));
    expect(counting).toEqual(['claim']);
    expect(DELIVERY_TRANSITIONS.claim.guard).toBe('due');
    for (const event of ['accepted', 'retry', 'give-up', 'interrupted'] as const) {
      expect(DELIVERY_TRANSITIONS[event].guard).toBe('attempt');
    }
  });

  it('turns an outcome into an event: retry while attempts remain, then give up', () => {
    const email = (attempts: number) => ({ attempts, kind: 'email' });
    expect(outcomeEvent({ kind: 'sent', response: {} }, email(1), policy)).toBe('accepted');
    const refused = { kind: 'not-delivered' as const, error: '451', retriable: true };
    expect(outcomeEvent(refused, email(1), policy)).toBe('retry');
    expect(outcomeEvent(refused, email(2), policy)).toBe('retry');
    expect(outcomeEvent(refused, email(3), policy)).toBe('give-up');
    expect(outcomeEvent({ ...refused, retriable: false }, email(1), policy)).toBe('give-up');
    // A retry plans the delivery again, a give-up ends it: both only from sending.
    expect(nextDeliveryState(Sending, outcomeEvent(refused, email(1), policy))).toBe(Planned);
    expect(nextDeliveryState(Sending, outcomeEvent(refused, email(3), policy))).toBe(Failed);
    expect(nextDeliveryState(Unknown, outcomeEvent(refused, email(1), policy))).toBeUndefined();
  });

  it('never sends a message whose outcome is unknown again, on any channel', () => {
    const unknown = { kind: 'unknown' as const, error: 'connection lost' };
    for (const kind of ['email', 'sms', 'wecom', 'dingtalk', 'feishu']) {
      expect(outcomeEvent(unknown, { attempts: 1, kind }, policy)).toBe('interrupted');
    }
    expect(nextDeliveryState(Sending, 'interrupted')).toBe(Unknown);
  });

  it('waits twice as long after each refusal', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, policy))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });
});
