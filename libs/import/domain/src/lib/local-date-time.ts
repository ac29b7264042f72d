import { instantOf, isLocalDate } from '@worksite/shared-util-time';

/** Days between Excel's day 0 (1899-12-30, with its 1900 leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

/** A wall-clock reading: local date and time of day, before a zone makes it an instant. */
export interface WallClock {
  date: string;
  time: string;
  /** True when only a date was given (no time of day). */
  dateOnly: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An Excel serial (days since 1899-12-30, fraction = time of day) as a wall clock. */
export function wallClockOfSerial(serial: number): WallClock | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const ms = Math.round(((serial - EXCEL_EPOCH_DAYS) * DAY_MS) / 60_000) * 60_000;
  return wallClockOfUtcFields(new Date(ms), Number.isInteger(serial));
}

/** A Date whose UTC fields are the wall clock (how spreadsheet libraries give date cells). */
export function wallClockOfUtcFields(date: Date, dateOnly = false): WallClock {
  return {
    date: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
    time: `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`,
    dateOnly,
  };
}

const TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/u;
const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A date-time written in a cell or a JSON field, as an instant (epoch ms) in `zone`:
 * "2026-12-04 08:00", "2026/12/4 8:00", "2026年12月4日", "2026-12-04" (midnight, dateOnly),
 * an ISO instant with an offset, an Excel serial, or a Date (its UTC fields are the wall clock).
 * Null when it is none of these.
 */
export function parseLocalDateTime(value: unknown, zone: string): { instant: number; dateOnly: boolean } | null {
  let clock: WallClock | null = null;
  if (typeof value === 'number') clock = wallClockOfSerial(value);
  else if (value instanceof Date) clock = Number.isNaN(value.getTime()) ? null : wallClockOfUtcFields(value);
  else if (typeof value === 'string') {
    const text = value.trim();
    if (/^\d{4}-\d{2}-\d{2}T/.test(text) && OFFSET.test(text)) {
      const instant = Date.parse(text);
      return Number.isNaN(instant) ? null : { instant, dateOnly: false };
    }
    if (/^\d+(\.\d+)?$/.test(text)) clock = wallClockOfSerial(Number(text));
    else {
      const match = TEXT.exec(text);
      if (match) {
        const [, y, m, d, hh, mm] = match;
        clock = {
          date: `${y}-${pad(Number(m))}-${pad(Number(d))}`,
          time: hh === undefined ? '00:00' : `${pad(Number(hh))}:${mm}`,
          dateOnly: hh === undefined,
        };
      }
    }
  }
  if (!clock || !isLocalDate(clock.date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(clock.time)) return null;
  try {
    return { instant: instantOf(clock.date, clock.time, zone).getTime(), dateOnly: clock.dateOnly };
  } catch {
    return null;
  }
}
