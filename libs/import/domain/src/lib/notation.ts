import { DependencyType } from '@worksite/shared-domain';

/**
 * Durations and lags as sheets write them: "3天", "4小时", "30分钟", "2d", "4h", "1w", "1.5"
 * (a bare number is days). Until @worksite/plan-notation is on main this lib reads them
 * itself; the signatures are the same (minutesPerDay = one working day of the calendar).
 */
export type NotationResult = { ok: true; minutes: number } | { ok: false; reason: 'format' | 'elapsed' | 'percent' };

const UNITS: Record<string, 'm' | 'h' | 'd' | 'w'> = {
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  分: 'm',
  分钟: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  小时: 'h',
  时: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  天: 'd',
  日: 'd',
  工作日: 'd',
  w: 'w',
  wk: 'w',
  week: 'w',
  weeks: 'w',
  周: 'w',
  星期: 'w',
};

const AMOUNT = /^([+-]?\d+(?:\.\d+)?)\s*([^\d\s.+-]*)$/u;

/** Working minutes of a duration or lag text (may be negative when `signed`). */
export function parseWorkingMinutes(text: string | number, minutesPerDay: number, signed = false): NotationResult {
  if (typeof text === 'number') {
    if (!Number.isFinite(text) || (!signed && text < 0)) return { ok: false, reason: 'format' };
    return { ok: true, minutes: Math.round(text * minutesPerDay) };
  }
  const compact = text.trim().toLowerCase();
  if (compact.endsWith('%')) return { ok: false, reason: 'percent' };
  const match = AMOUNT.exec(compact);
  if (!match) return { ok: false, reason: 'format' };
  const amount = Number(match[1]);
  if (!signed && amount < 0) return { ok: false, reason: 'format' };
  const unitText = match[2];
  if (unitText === '') return { ok: true, minutes: Math.round(amount * minutesPerDay) };
  // Elapsed (calendar) time: 3ed, 2eh, 日历天, 自然日 cannot be working minutes.
  if (/^e[mhdw]/.test(unitText) || /日历|自然/.test(unitText)) return { ok: false, reason: 'elapsed' };
  const unit = UNITS[unitText];
  if (!unit) return { ok: false, reason: 'format' };
  const factor = unit === 'm' ? 1 : unit === 'h' ? 60 : unit === 'd' ? minutesPerDay : minutesPerDay * 5;
  return { ok: true, minutes: Math.round(amount * factor) };
}

/** One predecessor of a "12FS+2d; 15SS" list, its lag still as text. */
export interface PredecessorToken {
  /** The token as written, trimmed. */
  text: string;
  code: string;
  type: DependencyType;
  lag: string | null;
}

const WITH_TYPE = /^(.+?)\s*(FS|SS|FF|SF)\s*(?:([+-])\s*(\d.*))?$/iu;
const WITHOUT_TYPE = /^(.+?)\s*(?:([+-])\s*(\d[^+-]*))?$/u;

/**
 * Splits a predecessor list ("12FS+2d; 15SS, 16") into tokens. `isCode` lets a code that
 * itself ends like a link type or holds a dash ("A-1") be taken whole.
 */
export function splitPredecessors(text: string, isCode: (code: string) => boolean = () => false): PredecessorToken[] {
  return text
    .split(/[;,；，、\n]+/u)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      if (isCode(part)) return { text: part, code: part, type: DependencyType.FS, lag: null };
      const typed = WITH_TYPE.exec(part);
      const plain = typed ? null : WITHOUT_TYPE.exec(part);
      if (!typed && !plain) return { text: part, code: part, type: DependencyType.FS, lag: null };
      const [, code, type, sign, lag] = typed ?? [plain?.[0], plain?.[1], undefined, plain?.[2], plain?.[3]];
      return {
        text: part,
        code: (code as string).trim(),
        type: (type?.toUpperCase() as DependencyType | undefined) ?? DependencyType.FS,
        lag: sign ? `${sign}${(lag as string).trim()}` : null,
      };
    });
}

/** Writes a lag back as sheets do: "+2d", "-4h", "+30m" (whole days when it divides). */
export function formatLag(minutes: number, minutesPerDay: number): string {
  if (minutes === 0) return '';
  const sign = minutes < 0 ? '-' : '+';
  const size = Math.abs(minutes);
  if (size % minutesPerDay === 0) return `${sign}${size / minutesPerDay}d`;
  if (size % 60 === 0) return `${sign}${size / 60}h`;
  return `${sign}${size}m`;
}

/** A duration as sheets write it: "3d", "4h", "30m". */
export function formatDuration(minutes: number, minutesPerDay: number): string {
  if (minutes % minutesPerDay === 0) return `${minutes / minutesPerDay}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
