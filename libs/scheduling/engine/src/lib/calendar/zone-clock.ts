import { IANAZone } from 'luxon';
import { CalendarSpecError } from './calendar-spec';
import { DAY_MS, MINUTE_MS } from './civil-date';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * DAY_MS;
/** Weekly offset samples per zone, shared by all calendars of the zone (pure data). */
const WEEKLY_OFFSETS = new Map<string, Map<number, number>>();

/**
 * Converts local wall-clock times of one IANA zone to instants. Only used while compiling a
 * calendar: luxon answers "what is the UTC offset at this instant", the rest is arithmetic.
 *
 * Conventions for the two DST edge cases (those of java.time and of Temporal's default
 * 'compatible' disambiguation):
 * - a wall time that occurs twice (clocks go back) resolves to the earlier instant;
 * - a wall time that does not exist (clocks go forward) is shifted forward by the gap.
 *
 * Asking luxon is slow (Intl formatting), so offsets are sampled on a weekly grid: when both
 * ends of a week agree, the whole week has that offset. This assumes a zone never changes
 * its offset twice within seven days, which holds for the tz database's modern rules.
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  private readonly weekly: Map<number, number>;

  constructor(readonly name: string) {
    this.zone = IANAZone.create(name);
    if (!this.zone.isValid) throw new CalendarSpecError(`Unknown IANA time zone '${name}'`);
    let weekly = WEEKLY_OFFSETS.get(this.zone.name);
    if (!weekly) {
      weekly = new Map();
      WEEKLY_OFFSETS.set(this.zone.name, weekly);
    }
    this.weekly = weekly;
  }

  /** UTC offset in minutes at an instant. */
  offsetMinutes(instant: number): number {
    const week = Math.floor(instant / WEEK_MS);
    const start = this.gridOffset(week);
    return start === this.gridOffset(week + 1) ? start : this.zone.offset(instant);
  }

  private gridOffset(week: number): number {
    let offset = this.weekly.get(week);
    if (offset === undefined) {
      offset = this.zone.offset(week * WEEK_MS);
      this.weekly.set(week, offset);
    }
    return offset;
  }

  /**
   * Instants of local times on one local day, written into `out` (same length as
   * `minutesOfDay`). Minutes may be 0..1440, 1440 being the next local midnight.
   */
  localDayToInstants(epochDay: number, minutesOfDay: Int32Array, out: Float64Array): void {
    const wallMidnight = epochDay * DAY_MS;
    // Offsets are within [-12h, +14h]: these two instants bracket the whole local day.
    const before = this.offsetMinutes(wallMidnight - 14 * HOUR_MS);
    const after = this.offsetMinutes(wallMidnight + DAY_MS + 12 * HOUR_MS);
    for (let k = 0; k < minutesOfDay.length; k++) {
      const wall = wallMidnight + minutesOfDay[k] * MINUTE_MS;
      out[k] = before === after ? wall - before * MINUTE_MS : this.resolve(wall, before, after);
    }
  }

  /** Instant of a wall time near an offset change from `before` to `after`. */
  private resolve(wall: number, before: number, after: number): number {
    const a = wall - before * MINUTE_MS;
    const b = wall - after * MINUTE_MS;
    const aValid = this.offsetMinutes(a) === before;
    const bValid = this.offsetMinutes(b) === after;
    if (aValid && bValid) return Math.min(a, b);
    if (aValid) return a;
    if (bValid) return b;
    // In the gap: reading the wall time with the old offset lands after the jump.
    return a;
  }
}
