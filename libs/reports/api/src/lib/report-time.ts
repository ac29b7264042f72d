import { localDateOf, localTimeOf } from '@worksite/shared-util-time';

/** 'MM-dd' of an instant in a zone. */
export function monthDay(iso: string, zone: string): string {
  return localDateOf(new Date(iso), zone).slice(5);
}

/** 'yyyy-MM-dd HH:mm' of an instant in a zone. */
export function dateTimeLabel(instant: Date, zone: string): string {
  return `${localDateOf(instant, zone)} ${localTimeOf(instant, zone)}`;
}

/**
 * A task's time on a day plan: 'HH:mm–HH:mm' when it starts and ends on that date, else with
 * the dates ('11-02 08:00 – 11-04 12:00'), as ranges spanning days always show their dates.
 */
export function timeRangeLabel(startIso: string, finishIso: string, date: string, zone: string): string {
  const start = new Date(startIso);
  const finish = new Date(finishIso);
  const startDate = localDateOf(start, zone);
  // A finish at midnight ends the day before.
  const finishDate = localDateOf(new Date(finish.getTime() - 1), zone);
  if (startDate === date && (finishDate === date || finish.getTime() === start.getTime())) {
    return `${localTimeOf(start, zone)}–${localTimeOf(finish, zone)}`;
  }
  return `${startDate.slice(5)} ${localTimeOf(start, zone)} – ${localDateOf(finish, zone).slice(5)} ${localTimeOf(finish, zone)}`;
}
