import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { localDateOf } from '@worksite/shared-util-time';
import { formatZoned } from './zoned-time.pipe';

/**
 * How much of a range to show: `time` where the day is known from the context (a day plan):
 * just the times, unless the range leaves that day; `datetime`: the start's date always.
 */
export type ZonedRangeStyle = 'time' | 'datetime';

type Instant = string | number | Date;

/**
 * A range in the project zone. A range that spans local days always shows both dates
 * ("12月3日 周四 16:00 – 12月4日 周五 11:00"), never "16:00 – 11:00"; one inside a day shows
 * the day once (datetime) or not at all (time). `day`: the local date the context is about
 * (a day plan's date): a range inside another day shows its date even in `time` style.
 */
export function formatZonedRange(
  start: Instant,
  finish: Instant,
  zone: string,
  style: ZonedRangeStyle,
  lang: string,
  day?: string,
): string {
  const from = new Date(start);
  const to = new Date(finish);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return '';
  const startDay = localDateOf(from, zone);
  // A range ending at midnight ends on the day it started.
  const endDay = localDateOf(to.getTime() - (to.getTime() > from.getTime() ? 1 : 0), zone);
  const time = (t: Date) => formatZoned(t, zone, 'time', lang);
  const full = (t: Date) => formatZoned(t, zone, 'datetime', lang);
  if (startDay !== endDay) return `${full(from)} – ${full(to)}`;
  if (style === 'time' && (day === undefined || day === startDay)) return `${time(from)}–${time(to)}`;
  return `${full(from)}–${time(to)}`;
}

/**
 * `{{ task.plannedStart | wsRange: task.plannedFinish : zone : 'time' : date }}`: a range in
 * the project's zone and the interface language, with its dates whenever it spans days.
 */
@Pipe({ name: 'wsRange', pure: false })
export class ZonedRangePipe implements PipeTransform {
  private readonly translate = inject(TranslateService);
  private last: { key: string; text: string } | null = null;

  transform(
    start: Instant | null | undefined,
    finish: Instant | null | undefined,
    zone = 'Asia/Shanghai',
    style: ZonedRangeStyle = 'datetime',
    day?: string,
  ): string {
    if (start === null || start === undefined || finish === null || finish === undefined) return '';
    const lang = this.translate.getCurrentLang() ?? 'zh-CN';
    const key = `${String(start)}|${String(finish)}|${zone}|${style}|${lang}|${day ?? ''}`;
    if (this.last?.key !== key) this.last = { key, text: formatZonedRange(start, finish, zone, style, lang, day) };
    return this.last.text;
  }
}
