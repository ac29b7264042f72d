import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

/** Working minutes as hours and minutes ("6 h 30 min", "6小时30分"); negative keeps its sign. */
export function formatWorkingMinutes(minutes: number, lang: string): string {
  const sign = minutes < 0 ? '-' : '';
  const total = Math.round(Math.abs(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (lang === 'en') return `${sign}${h ? `${h} h` : ''}${h && m ? ' ' : ''}${m || !h ? `${m} min` : ''}`;
  return `${sign}${h ? `${h}小时` : ''}${m || !h ? `${m}分` : ''}`;
}

/** `{{ task.totalFloatMinutes | wsMinutes }}` in the current interface language. */
@Pipe({ name: 'wsMinutes', pure: false })
export class WorkingMinutesPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(minutes: number | null | undefined): string {
    return minutes === null || minutes === undefined
      ? ''
      : formatWorkingMinutes(minutes, this.translate.getCurrentLang() ?? 'zh-CN');
  }
}
