import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';

/**
 * Which local date a night run serves, in one place: the worker's scheduler and watchdog
 * (the date of a run fired at an instant) and the day plan (when a date's notices go out by
 * themselves) follow it. A run serves the day after the day it fires on, in the project's zone.
 */

/** The local date served by a night run fired at `firedAt` (epoch milliseconds). */
export function nightRunDate(firedAt: number, zone: string): string {
  return addDays(localDateOf(firedAt, zone), 1);
}

/** When the night run sends a local date's notices by itself: the evening before, at the send time (HH:mm). */
export function nightRunSendsAt(date: string, sendTime: string, zone: string): Date {
  return instantOf(addDays(date, -1), sendTime, zone);
}
