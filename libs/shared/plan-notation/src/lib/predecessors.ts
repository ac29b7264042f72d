import { DurationErrorKind, formatDuration, normalizeWidth, parseSignedDuration } from './duration';

/**
 * The predecessors column of MS Project: "12FS+2d; 15SS, 7FF-4h; 9". Each item is a task code,
 * an optional link type (FS by default; FS, SS, FF, SF in any case) and an optional lag with
 * the units of durations (a plain number is days; "+半天", "-4小时" work too). Items are
 * separated by ";" or "," (also "；", "，", "、").
 */

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

export const LINK_TYPES: readonly LinkType[] = ['FS', 'SS', 'FF', 'SF'];

export interface PredecessorLink {
  /** The predecessor's task code (sequential number within the project). */
  code: number;
  type: LinkType;
  /** Working minutes; negative is a lead. */
  lagMinutes: number;
}

/** Why an item is refused: no code, an unknown type, a lag that is not a duration, a repeated code. */
export type PredecessorErrorKind = 'code' | 'type' | 'lag' | 'duplicate' | `lag.${DurationErrorKind}`;

export interface PredecessorError {
  /** The offending piece as typed, e.g. "15XX". */
  piece: string;
  /** 0-based position of the piece among the items. */
  index: number;
  kind: PredecessorErrorKind;
}

export type PredecessorsResult = { ok: true; links: PredecessorLink[] } | { ok: false; errors: PredecessorError[] };

const SEPARATORS = /[;,；，、]/;
const ITEM = /^(\d+)\s*([a-z]*)\s*(?:([+\-−])\s*(.+))?$/;

/** Splits on the separators, dropping empty pieces ("12;;15;" is two items). */
export function splitPredecessorItems(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

/** One item, "12FS+2d", or the reason it is refused. */
function parseItem(piece: string, index: number, minutesPerDay: number): PredecessorLink | PredecessorError {
  const text = normalizeWidth(piece);
  const match = ITEM.exec(text);
  if (!match) {
    const start = /^\d+\s*([a-z]*)/.exec(text);
    if (!start) return { piece, index, kind: 'code' };
    return {
      piece,
      index,
      kind: start[1] === '' || LINK_TYPES.includes(start[1].toUpperCase() as LinkType) ? 'lag' : 'type',
    };
  }
  const [, code, typeText, sign, lagText] = match;
  const type = (typeText === '' ? 'FS' : typeText.toUpperCase()) as LinkType;
  if (!LINK_TYPES.includes(type)) return { piece, index, kind: 'type' };
  let lagMinutes = 0;
  if (sign !== undefined) {
    const lag = parseSignedDuration(`${sign === '+' ? '' : '-'}${lagText}`, minutesPerDay);
    if (!lag.ok) return { piece, index, kind: lag.error.kind === 'invalid' ? 'lag' : `lag.${lag.error.kind}` };
    lagMinutes = lag.minutes;
  }
  const value = Number(code);
  if (!Number.isSafeInteger(value) || value <= 0) return { piece, index, kind: 'code' };
  return { code: value, type, lagMinutes };
}

/**
 * All the links of a predecessors text, or every piece that is wrong (each naming itself). An
 * empty text is no predecessors. A code given twice is refused (one link per pair of tasks).
 * Whether a code exists, or is the task itself, is the caller's to check.
 */
export function parsePredecessors(text: string, minutesPerDay: number): PredecessorsResult {
  const links: PredecessorLink[] = [];
  const errors: PredecessorError[] = [];
  const seen = new Set<number>();
  splitPredecessorItems(text).forEach((piece, index) => {
    const item = parseItem(piece, index, minutesPerDay);
    if ('kind' in item) errors.push(item);
    else if (seen.has(item.code)) errors.push({ piece, index, kind: 'duplicate' });
    else {
      seen.add(item.code);
      links.push(item);
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, links };
}

/**
 * Links in the same notation: "12; 15SS; 7FF-4h" — FS without lag is the bare code, the lag in
 * the short units of `formatDuration` ("+2d", "+1d 4h", "-30m"), items joined by "; ". Sorted by
 * code, so the same links always read the same; `parsePredecessors` reads it back.
 */
export function formatPredecessors(links: readonly PredecessorLink[], minutesPerDay: number): string {
  return [...links]
    .sort((a, b) => a.code - b.code)
    .map((link) => {
      const lag =
        link.lagMinutes === 0
          ? ''
          : (link.lagMinutes > 0 ? '+' : '-') +
            formatDuration(Math.abs(link.lagMinutes), minutesPerDay, 'en').replace(/ /g, '');
      const type = link.type === 'FS' && lag === '' ? '' : link.type;
      return `${link.code}${type}${lag}`;
    })
    .join('; ');
}
