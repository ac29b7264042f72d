import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { VARIANCE_REASON_NAMES, VarianceReason } from '@worksite/shared-make-ready';

/**
 * A reason for variance (材料未到 …) in the interface language, from the one list the server's
 * spreadsheets use too. Impure: it follows a change of language like the translate pipe.
 */
@Pipe({ name: 'wsReason', pure: false })
export class VarianceReasonPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(reason: VarianceReason | string | null | undefined): string {
    if (!reason) return '';
    const names = VARIANCE_REASON_NAMES[reason as VarianceReason];
    if (!names) return reason;
    return this.translate.getCurrentLang() === 'en' ? names.en : names['zh-CN'];
  }
}
