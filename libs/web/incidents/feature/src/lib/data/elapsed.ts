/**
 * Elapsed times on the incident board: "6分钟", "1小时5分钟", "1天2小时" (zh) or "6 min",
 * "1 h 5 min", "1 d 2 h" (en), in clock time (an emergency runs around the clock). Minutes
 * are floored, so a step 59 s after the report shows "0分钟" rather than rounding up.
 */
export function formatElapsed(ms: number, lang: string): string {
  const zh = lang.toLowerCase().startsWith('zh');
  const total = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts: string[] = [];
  if (days) parts.push(zh ? `${days}天` : `${days} d`);
  if (hours) parts.push(zh ? `${hours}小时` : `${hours} h`);
  // Minutes are left out beside days: "1天2小时" is precise enough a day later.
  if (minutes && !days) parts.push(zh ? `${minutes}分钟` : `${minutes} min`);
  if (parts.length === 0) return zh ? '0分钟' : '0 min';
  return parts.join(zh ? '' : ' ');
}

/** Milliseconds from `from` to `to` (ISO instants or epoch ms); null when either is missing. */
export function elapsedBetween(
  from: string | number | null | undefined,
  to: string | number | null | undefined,
): number | null {
  if (from === null || from === undefined || to === null || to === undefined) return null;
  const start = typeof from === 'number' ? from : Date.parse(from);
  const end = typeof to === 'number' ? to : Date.parse(to);
  return Number.isNaN(start) || Number.isNaN(end) ? null : end - start;
}

/** A deadline as the board shows it: time left, or how long it is overdue. */
export interface Countdown {
  overdue: boolean;
  /** Left (or overdue by), formatted like `formatElapsed`. */
  text: string;
  /** Less than `warnMs` left (default 4 hours): shown in warning colours. */
  soon: boolean;
}

export function countdown(deadline: string, now: number, lang: string, warnMs = 4 * 3_600_000): Countdown {
  const left = Date.parse(deadline) - now;
  return { overdue: left < 0, text: formatElapsed(Math.abs(left), lang), soon: left >= 0 && left < warnMs };
}
