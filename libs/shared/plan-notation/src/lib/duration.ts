/**
 * Durations as planners type them, in working time: "3d", "3 d", "2.5d", "4h", "30m", "3 days",
 * "3天", "4小时", "半天", "90分钟", "1天4小时", "3d 4h"; a plain number is days (as in MS Project).
 * A day is `minutesPerDay` working minutes — the working minutes of a normal day of the
 * project calendar (`workingDayMinutes` of `@worksite/scheduling-engine`), not 24 hours.
 */

/** Longest duration (and lag) accepted: ten years of working days. */
export const MAX_DURATION_DAYS = 3650;

export type Unit = 'd' | 'h' | 'm';

/** Why a text is not a duration; the caller words it (both languages). */
export type DurationErrorKind = 'empty' | 'invalid' | 'negative' | 'zero' | 'tooLong';

export interface DurationError {
  kind: DurationErrorKind;
  /** The text as given. */
  text: string;
}

export type DurationResult = { ok: true; minutes: number } | { ok: false; error: DurationError };

const UNIT_WORDS: Record<string, Unit> = {
  d: 'd',
  day: 'd',
  days: 'd',
  天: 'd',
  日: 'd',
  个工作日: 'd',
  工作日: 'd',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  小时: 'h',
  个小时: 'h',
  钟头: 'h',
  个钟头: 'h',
  时: 'h',
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  分钟: 'm',
  分: 'm',
};

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Full-width digits, dot, signs and spaces as ASCII; lower case. */
export function normalizeWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase();
}

/** 一…九十九 (and 半 = 0.5) as a number, or NaN. */
function chineseNumber(text: string): number {
  if (text === '半') return 0.5;
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return NaN;
  const [, first, ten, last] = match;
  if (!ten) return last ? NaN : CHINESE_DIGITS[first as string];
  return (first ? CHINESE_DIGITS[first] : 1) * 10 + (last ? CHINESE_DIGITS[last] : 0);
}

const PART =
  /(\d+(?:\.\d+)?|\.\d+|[零一二两三四五六七八九十]+半?|半)\s*([a-z]+|(?:(?![零一二两三四五六七八九十半])[\u4e00-\u9fff])+半?)?/y;

/**
 * The amount of a text without sign, in minutes (may be fractional), or NaN if it is not made
 * only of number–unit parts. "1天半" is 1.5 days, "一个半小时" 1.5 hours.
 */
function amountOf(text: string, minutesPerDay: number): number {
  const perUnit: Record<Unit, number> = { d: minutesPerDay, h: 60, m: 1 };
  let total = 0;
  let parts = 0;
  let at = 0;
  const source = text.replace(/个半/g, '半');
  while (at < source.length) {
    if (source[at] === ' ') {
      at++;
      continue;
    }
    PART.lastIndex = at;
    const match = PART.exec(source);
    if (!match) return NaN;
    at = PART.lastIndex;
    let [, number, word] = match;
    let value: number;
    let extraHalf = 0;
    if (/^[\d.]/.test(number)) value = Number(number);
    else {
      if (number.length > 1 && number.endsWith('半')) {
        extraHalf = 0.5;
        number = number.slice(0, -1);
      }
      value = chineseNumber(number) + extraHalf;
    }
    // "1天半": a trailing 半 after the unit adds half of that unit.
    if (word?.endsWith('半') && word.length > 1) {
      word = word.slice(0, -1);
      value += 0.5;
    }
    const unit: Unit | undefined = word === undefined ? 'd' : UNIT_WORDS[word];
    if (!unit || !Number.isFinite(value)) return NaN;
    // A bare number is days only when it stands alone ("3"), not inside "3d 4".
    if (word === undefined && source.trim() !== match[0].trim()) return NaN;
    total += value * perUnit[unit];
    parts++;
  }
  return parts > 0 ? total : NaN;
}

/** Parses a signed amount of working time ("+2d", "-4h", "3天"); zero allowed. */
export function parseSignedDuration(text: string, minutesPerDay: number): DurationResult {
  const source = normalizeWidth(text).trim();
  if (source === '') return { ok: false, error: { kind: 'empty', text } };
  const sign = source[0] === '-' || source[0] === '−' ? -1 : 1;
  const body = source.replace(/^[+\-−]\s*/, '');
  const amount = amountOf(body, minutesPerDay);
  if (!Number.isFinite(amount) || !(minutesPerDay > 0)) return { ok: false, error: { kind: 'invalid', text } };
  const minutes = Math.round(amount) * sign;
  if (Math.abs(minutes) > MAX_DURATION_DAYS * minutesPerDay) return { ok: false, error: { kind: 'tooLong', text } };
  return { ok: true, minutes: minutes === 0 ? 0 : minutes };
}

/**
 * A task's duration in working minutes (rounded to the minute), or why not: empty, not a
 * duration, negative, zero (or rounding to zero), more than `MAX_DURATION_DAYS` days.
 */
export function parseDuration(text: string, minutesPerDay: number): DurationResult {
  const signed = parseSignedDuration(text, minutesPerDay);
  if (!signed.ok) return signed;
  if (/^\s*[-−]/.test(normalizeWidth(text)) && signed.minutes !== 0) {
    return { ok: false, error: { kind: 'negative', text } };
  }
  if (signed.minutes <= 0) return { ok: false, error: { kind: signed.minutes < 0 ? 'negative' : 'zero', text } };
  return signed;
}

const LABELS: Record<'zh' | 'en', Record<Unit, string>> = {
  zh: { d: '天', h: '小时', m: '分钟' },
  en: { d: 'd', h: 'h', m: 'm' },
};

/** `zh` for Chinese locales ("zh", "zh-CN"), `en` otherwise. */
export function notationLanguage(locale: string | undefined): 'zh' | 'en' {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * Working minutes as days, hours and minutes of working time: "3天", "4小时", "3天4小时",
 * "1小时30分钟" (zh) or "3d", "4h", "3d 4h", "1h 30m" (en). Zero is "0天" / "0d"; a negative
 * amount starts with "-". What it writes, `parseDuration` reads back.
 */
export function formatDuration(minutes: number, minutesPerDay: number, locale = 'zh-CN'): string {
  const language = notationLanguage(locale);
  const labels = LABELS[language];
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.round(Math.abs(minutes));
  const day = minutesPerDay > 0 ? minutesPerDay : 24 * 60;
  const days = Math.floor(rest / day);
  rest -= days * day;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}${labels.d}`);
  if (hours) parts.push(`${hours}${labels.h}`);
  if (mins) parts.push(`${mins}${labels.m}`);
  if (parts.length === 0) return `0${labels.d}`;
  return sign + parts.join(language === 'zh' ? '' : ' ');
}
