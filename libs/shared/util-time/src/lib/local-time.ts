import { DateTime } from 'luxon';
import { localDateIn } from './zone-clock';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). Plain arithmetic:
 * it validates every dated request, and Luxon's parser took 5 % of the api's CPU on the day plan.
 */
export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** True for an IANA time zone name this runtime knows. */
export function isTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/**
 * The local date (YYYY-MM-DD) of an instant in a time zone (zone-clock's, with the zone's offsets
 * remembered per day: luxon's Intl formatting per call was 2 % of the api's CPU on task PATCHes).
 */
export function localDateOf(instant: Date | number, zone: string): string {
  return localDateIn(typeof instant === 'number' ? instant : instant.getTime(), zone);
}

const localInstants = new Map<string, number>();

/**
 * The instant of a local date and time ('HH:mm', default midnight) in a time zone. Remembered:
 * every PATCH asks for its project's start.
 */
export function instantOf(date: string, time: string, zone: string): Date {
  const key = `${zone} ${date}T${time}`;
  let instant = localInstants.get(key);
  if (instant === undefined) {
    const dateTime = DateTime.fromISO(`${date}T${time}`, { zone });
    if (!dateTime.isValid) throw new RangeError(`not a local date-time: ${date} ${time} (${zone})`);
    instant = dateTime.toMillis();
    if (localInstants.size >= 10_000) localInstants.clear();
    localInstants.set(key, instant);
  }
  return new Date(instant);
}

const dayRanges = new Map<string, [number, number]>();

/** The instants [start, end) covering a whole local day (23 or 25 hours on DST days). */
export function dayRange(date: string, zone: string): { start: Date; end: Date } {
  // Remembered: composing a night's notices asks for the same few days thousands of times.
  const key = `${zone} ${date}`;
  let range = dayRanges.get(key);
  if (!range) {
    const start = DateTime.fromISO(date, { zone }).startOf('day');
    range = [start.toMillis(), start.plus({ days: 1 }).toMillis()];
    if (dayRanges.size >= 10_000) dayRanges.clear();
    dayRanges.set(key, range);
  }
  return { start: new Date(range[0]), end: new Date(range[1]) };
}

/** Adds whole days to a local date. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** Local time 'HH:mm' of an instant in a zone. */
export function localTimeOf(instant: Date | number, zone: string): string {
  // Intl with a formatter per zone: a tenth of the cost of a luxon DateTime per call.
  let format = clockFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(zone, format);
  }
  return format.format(typeof instant === 'number' ? instant : instant.getTime());
}
