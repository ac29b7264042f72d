import { DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

/** Languages of the interface; Chinese is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'worksite.language';

/** The interface language: remembered in the browser, applied to ngx-translate and <html lang>. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  readonly current = signal<UiLanguage>('zh-CN');

  /** Applies the remembered language (or Chinese). */
  init(): void {
    const stored = this.document.defaultView?.localStorage?.getItem(STORAGE_KEY);
    this.use(LANGUAGES.includes(stored as UiLanguage) ? (stored as UiLanguage) : 'zh-CN');
  }

  use(language: UiLanguage): void {
    this.current.set(language);
    this.translate.use(language);
    this.document.documentElement.lang = language;
    this.document.defaultView?.localStorage?.setItem(STORAGE_KEY, language);
  }
}
