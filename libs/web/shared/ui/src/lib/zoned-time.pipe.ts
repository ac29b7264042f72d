import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

/** How much of an instant to show. */
export type ZonedTimeStyle = 'time' | 'date' | 'datetime' | 'weekday';

const OPTIONS: Record<ZonedTimeStyle, Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' },
  datetime: { month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  weekday: { month: 'long', day: 'numeric', weekday: 'long' },
};
const formats = new Map<string, Intl.DateTimeFormat>();

/** Formats an instant in a time zone and the interface language (formatters are cached). */
export function formatZoned(value: string | number | Date, zone: string, style: ZonedTimeStyle, lang: string): string {
  const key = `${lang}|${zone}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { ...OPTIONS[style], timeZone: zone });
    formats.set(key, format);
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}

/**
 * `{{ task.plannedStart | wsTime: zone : 'datetime' }}`: an instant in the project's zone, in
 * the current interface language. Impure so a language switch shows at once; it formats only
 * when its inputs or the language change.
 */
@Pipe({ name: 'wsTime', pure: false })
export class ZonedTimePipe implements PipeTransform {
  private readonly translate = inject(TranslateService);
  private last: { key: string; text: string } | null = null;

  transform(
    value: string | number | Date | null | undefined,
    zone = 'Asia/Shanghai',
    style: ZonedTimeStyle = 'datetime',
  ): string {
    if (value === null || value === undefined || value === '') return '';
    const lang = this.translate.getCurrentLang() ?? 'zh-CN';
    const key = `${String(value instanceof Date ? value.getTime() : value)}|${zone}|${style}|${lang}`;
    if (this.last?.key !== key) this.last = { key, text: formatZoned(value, zone, style, lang) };
    return this.last.text;
  }
}
