/** Injection token of the clock the notices code decides with (tests inject their own). */
export const NOTICE_CLOCK = Symbol('NOTICE_CLOCK');

/** Milliseconds since the epoch, like Date.now. */
export type NoticeClock = () => number;

export const systemClock: NoticeClock = () => Date.now();
