/**
 * Lags typed as people say them: "2d", "-4h", "1天", "3小时", "1.5d", "30min", "1d 4h"; a bare
 * number is days (as in MS Project). Days are working days of `dayMinutes` working minutes.
 * A minimal local parser: when the shared plan-notation lib lands it should replace this.
 */
const UNITS: Record<string, 'd' | 'h' | 'm'> = {
  d: 'd',
  day: 'd',
  days: 'd',
  天: 'd',
  工作日: 'd',
  日: 'd',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  小时: 'h',
  时: 'h',
  个小时: 'h',
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  分钟: 'm',
  分: 'm',
};

const PART = /(\d+(?:\.\d+)?)\s*([a-z\u4e00-\u9fff]*)/gy;

/** Working minutes of a typed lag, or null when it cannot be read. */
export function parseLag(text: string, dayMinutes: number): number | null {
  // Full-width digits, letters and signs, as a Chinese input method types them.
  let s = text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/−/g, '-')
    .trim()
    .toLowerCase();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1).trim();
  }
  if (!s) return null;
  let total = 0;
  let at = 0;
  while (at < s.length) {
    PART.lastIndex = at;
    const match = PART.exec(s);
    if (!match || match[0].length === 0) return null;
    const unit = match[2] ? UNITS[match[2]] : 'd';
    if (!unit) return null;
    const value = Number(match[1]);
    total += unit === 'd' ? value * dayMinutes : unit === 'h' ? value * 60 : value;
    at = PART.lastIndex;
    while (s[at] === ' ') at++;
  }
  const minutes = Math.round(sign * total);
  return minutes === 0 ? 0 : minutes;
}

/** A lag as it is typed back: whole working days as "2d", else hours "4h" or minutes "30min". */
export function formatLag(minutes: number, dayMinutes: number): string {
  if (minutes === 0) return '0d';
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  if (dayMinutes > 0 && abs % dayMinutes === 0) return `${sign}${abs / dayMinutes}d`;
  if (abs % 60 === 0) return `${sign}${abs / 60}h`;
  return `${sign}${abs}min`;
}
