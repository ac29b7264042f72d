import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { formatElapsed } from '../data/elapsed';

/** `{{ ms | wsElapsed }}`: "6分钟" / "6 min" in the interface language (impure: follows a language switch). */
@Pipe({ name: 'wsElapsed', pure: false })
export class ElapsedPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(ms: number | null | undefined): string {
    if (ms === null || ms === undefined) return '';
    return formatElapsed(ms, this.translate.getCurrentLang() ?? 'zh-CN');
  }
}
