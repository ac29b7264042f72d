import { Blackout, CalendarSpec, CalendarSpecError, NormalizedCalendar, normalizeCalendarSpec } from './calendar-spec';
import { DAY_MS, MINUTE_MS, daysFromCivil } from './civil-date';
import { generateIntervals } from './interval-generator';
import { IntervalStore } from './interval-store';
import { ZoneClock } from './zone-clock';

/** A span of instants [start, end). */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

/**
 * A non-working part of a range: inside blackouts (with the labels of all blackouts covering
 * it, in spec order) or plain off-hours (outside the windows, holidays).
 */
export type NonWorkingPiece =
  | { readonly reason: 'blackout'; readonly start: number; readonly end: number; readonly labels: readonly string[] }
  | { readonly reason: 'off-hours'; readonly start: number; readonly end: number };

const MIN_DAY = daysFromCivil(1900, 1, 1);
const MAX_DAY = daysFromCivil(2200, 1, 1);
const FIRST_CHUNK_DAYS = 120;

/**
 * A compiled working calendar: sorted working intervals (epoch ms) with cumulative working
 * time, built lazily from a {@link CalendarSpec} as queries reach new dates.
 *
 * Boundary conventions (intervals are half-open, [start, end)):
 * - an instant is working when it lies inside a working interval: 12:00 is not working when
 *   the morning window is 08:00–12:00, 08:00 is;
 * - work that ends at the end of a window finishes there (12:00, not 14:00);
 * - work that starts at the end of a window starts at the next window (14:00).
 *
 * "Positions" are cumulative working milliseconds from an arbitrary anchor; they turn
 * calendar arithmetic into plain additions and are what the scheduler computes with.
 */
export class WorkingCalendar {
  private readonly store = new IntervalStore();
  private readonly clock: ZoneClock;
  private firstDay = 0;
  private endDay = 0;
  private knownStart = 0;
  private knownEnd = 0;
  private initialised = false;

  private constructor(
    /** The spec this calendar was compiled from. */
    readonly spec: CalendarSpec,
    private readonly calendar: NormalizedCalendar,
  ) {
    this.clock = new ZoneClock(calendar.timeZone);
  }

  /**
   * Compiles a spec. Intervals are generated on demand; pass `cover` to generate a range
   * up front (e.g. the project's span) so that later queries never have to.
   */
  static compile(spec: CalendarSpec = {}, cover?: TimeRange): WorkingCalendar {
    const normalized = normalizeCalendarSpec(spec);
    if (!normalized.hasWorkingTime) throw new CalendarSpecError('The calendar has no working time at all');
    const calendar = new WorkingCalendar(spec, normalized);
    if (cover) {
      calendar.ensureCovers(cover.start);
      calendar.ensureCovers(cover.end);
    }
    return calendar;
  }

  /** IANA time zone of the calendar. */
  get timeZone(): string {
    return this.calendar.timeZone;
  }

  /** Blackouts of the spec, sorted by start. */
  get blackouts(): readonly Blackout[] {
    return this.calendar.blackouts;
  }

  /** True when `instant` lies inside a working interval. */
  isWorking(instant: number): boolean {
    this.ensureCovers(instant);
    const i = this.store.lastStartingAtOrBefore(instant);
    return i >= this.store.head && instant < this.store.ends[i];
  }

  /** `instant` itself when working, else the start of the next working interval. */
  nextWorkingInstant(instant: number): number {
    return this.startAtPosition(this.positionAt(instant));
  }

  /**
   * `instant` itself when work happens right before it (it lies in (start, end] of an
   * interval), else the end of the previous working interval.
   */
  previousWorkingInstant(instant: number): number {
    return this.finishAtPosition(this.positionAt(instant));
  }

  /**
   * Moves by working time. For minutes > 0: the instant by which that much work started at
   * `instant` is done (may be a window end such as 12:00). For minutes < 0: the instant from
   * which that much work ends at `instant` (a working instant such as 14:00). 0 returns
   * `instant` unchanged.
   */
  addWorkingMinutes(instant: number, minutes: number): number {
    if (minutes === 0) return instant;
    const p = this.positionAt(instant) + minutes * MINUTE_MS;
    return minutes > 0 ? this.finishAtPosition(p) : this.startAtPosition(p);
  }

  /** Working minutes in [from, to); negative when `to` is before `from`. */
  workingMinutesBetween(from: number, to: number): number {
    return (this.positionAt(to) - this.positionAt(from)) / MINUTE_MS;
  }

  /** Working intervals clipped to [start, end), e.g. to shade the rest on a Gantt chart. */
  workingIntervals(start: number, end: number): TimeRange[] {
    const out: TimeRange[] = [];
    if (!(end > start)) return out;
    this.ensureCovers(start);
    this.ensureCovers(end);
    const s = this.store;
    for (let i = Math.max(s.head, s.lastStartingAtOrBefore(start)); i < s.head + s.count; i++) {
      if (s.starts[i] >= end) break;
      const a = Math.max(s.starts[i], start);
      const b = Math.min(s.ends[i], end);
      if (b > a) out.push({ start: a, end: b });
    }
    return out;
  }

  /**
   * The non-working parts of [start, end), in order and without overlaps: time covered by
   * blackouts ('blackout') and the rest ('off-hours').
   */
  nonWorkingIn(start: number, end: number): NonWorkingPiece[] {
    const pieces: NonWorkingPiece[] = [];
    let cursor = start;
    for (const w of this.workingIntervals(start, end)) {
      if (w.start > cursor) this.splitGap(cursor, w.start, pieces);
      cursor = w.end;
    }
    if (end > cursor) this.splitGap(cursor, end, pieces);
    return pieces;
  }

  /** Cuts a non-working gap into blackout and off-hours pieces. */
  private splitGap(from: number, to: number, out: NonWorkingPiece[]): void {
    const union = this.calendar.blackoutUnion;
    let cursor = from;
    for (let u = 0; u < union.length && union[u] < to; u += 2) {
      if (union[u + 1] <= cursor) continue;
      if (union[u] > cursor) out.push({ reason: 'off-hours', start: cursor, end: union[u] });
      const a = Math.max(union[u], cursor);
      const b = Math.min(union[u + 1], to);
      const labels = [...new Set(this.blackoutsIn(a, b).map((x) => x.label))];
      out.push({ reason: 'blackout', start: a, end: b, labels });
      cursor = b;
    }
    if (cursor < to) out.push({ reason: 'off-hours', start: cursor, end: to });
  }

  /** Blackouts overlapping [start, end). */
  blackoutsIn(start: number, end: number): Blackout[] {
    return this.calendar.blackouts.filter((b) => b.start < end && b.end > start && b.end > b.start);
  }

  /** Cumulative working time (ms) at an instant: the scheduler's coordinate. */
  positionAt(instant: number): number {
    this.ensureCovers(instant);
    const s = this.store;
    const i = s.lastStartingAtOrBefore(instant);
    if (i < s.head) return s.cumStart[s.head];
    return instant < s.ends[i] ? s.cumStart[i] + (instant - s.starts[i]) : s.cumEnd[i];
  }

  /** Latest instant at a position: where work at that position starts (a working instant). */
  startAtPosition(position: number): number {
    const s = this.store;
    while (s.count === 0 || position >= s.cumEnd[s.head + s.count - 1]) this.extendForward();
    while (position < s.cumStart[s.head]) this.extendBackward();
    const i = s.firstEndingAfter(position, true);
    return s.starts[i] + (position - s.cumStart[i]);
  }

  /** Earliest instant at a position: where work up to that position is done. */
  finishAtPosition(position: number): number {
    const s = this.store;
    while (s.count === 0 || position > s.cumEnd[s.head + s.count - 1]) this.extendForward();
    while (position <= s.cumStart[s.head]) this.extendBackward();
    const i = s.firstEndingAfter(position, false);
    return s.starts[i] + (position - s.cumStart[i]);
  }

  private ensureCovers(instant: number): void {
    if (!Number.isFinite(instant)) throw new CalendarSpecError(`Not a finite instant: ${instant}`);
    if (!this.initialised) this.initialise(instant);
    while (instant < this.knownStart) this.extendBackward();
    while (instant > this.knownEnd) this.extendForward();
  }

  private initialise(instant: number): void {
    this.initialised = true;
    const day = Math.floor((instant + this.clock.offsetMinutes(instant) * MINUTE_MS) / DAY_MS);
    this.checkDay(day);
    this.firstDay = day - 7;
    this.endDay = day - 7;
    this.knownStart = this.knownEnd = this.midnight(this.firstDay);
    this.growForward(FIRST_CHUNK_DAYS);
    while (this.store.count === 0) this.extendForward();
  }

  private extendForward(): void {
    if (!this.initialised) this.initialise(0);
    this.growForward(Math.max(FIRST_CHUNK_DAYS, this.endDay - this.firstDay));
  }

  private extendBackward(): void {
    if (!this.initialised) this.initialise(0);
    const days = Math.max(FIRST_CHUNK_DAYS, this.endDay - this.firstDay);
    const from = this.firstDay - days;
    this.checkDay(from);
    this.store.prepend(generateIntervals(this.calendar, this.clock, from, this.firstDay));
    this.firstDay = from;
    this.knownStart = this.midnight(from);
  }

  private growForward(days: number): void {
    const to = this.endDay + days;
    this.checkDay(to);
    this.store.append(generateIntervals(this.calendar, this.clock, this.endDay, to));
    this.endDay = to;
    this.knownEnd = this.midnight(to);
  }

  private midnight(day: number): number {
    const out = new Float64Array(1);
    this.clock.localDayToInstants(day, new Int32Array(1), out);
    return out[0];
  }

  private checkDay(day: number): void {
    if (day < MIN_DAY || day > MAX_DAY) {
      throw new CalendarSpecError('Calendar query outside the supported years 1900–2199 (or no working time left)');
    }
  }
}
