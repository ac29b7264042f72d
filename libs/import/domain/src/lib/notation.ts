import { DependencyType } from '@worksite/shared-domain';

import { parseDuration, parseSignedDuration, splitPredecessorItems } from '@worksite/plan-notation';

/**
 * Durations and lags as sheets write them: "3天", "4小时", "半天", "2d", "4h", "1.5" (a bare
 * number is days), read by @worksite/plan-notation; zero is a milestone. Elapsed time ("3ed",
 * "2日历天") and percentage lags ("50%") cannot be working minutes: refused with their reason.
 */
export type NotationResult = { ok: true; minutes: number } | { ok: false; reason: 'format' | 'elapsed' | 'percent' };

const ELAPSED = /\d\s*e(m|h|d|w|min|hr|day|wk)s?$|日历|自然日/iu;

/** Working minutes of a duration or lag text (may be negative when `signed`). */
export function parseWorkingMinutes(text: string | number, minutesPerDay: number, signed = false): NotationResult {
  if (typeof text === 'number') {
    if (!Number.isFinite(text) || (!signed && text < 0)) return { ok: false, reason: 'format' };
    return { ok: true, minutes: Math.round(text * minutesPerDay) };
  }
  const compact = text.trim();
  if (compact.endsWith('%')) return { ok: false, reason: 'percent' };
  if (ELAPSED.test(compact)) return { ok: false, reason: 'elapsed' };
  const parsed = signed ? parseSignedDuration(compact, minutesPerDay) : parseDuration(compact, minutesPerDay);
  if (parsed.ok) return { ok: true, minutes: parsed.minutes };
  return parsed.error.kind === 'zero' ? { ok: true, minutes: 0 } : { ok: false, reason: 'format' };
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
  return splitPredecessorItems(text.replace(/\n/g, ';')).map((part) => {
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
