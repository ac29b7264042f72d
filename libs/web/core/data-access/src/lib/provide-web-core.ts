import { HttpInterceptorFn, provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { provideTranslateService } from '@ngx-translate/core';
import { provideTranslateHttpLoader } from '@ngx-translate/http-loader';
import { changeSetInterceptor } from './change-set';
import { LanguageService } from './language';

/**
 * HTTP (with the given interceptors, e.g. authentication, after the one naming each write's change
 * set) and translations (zh-CN default, English).
 */
export function provideWebCore(options: { interceptors?: HttpInterceptorFn[] } = {}): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withFetch(), withInterceptors([changeSetInterceptor, ...(options.interceptors ?? [])])),
    provideTranslateService({
      fallbackLang: 'zh-CN',
      lang: 'zh-CN',
      loader: provideTranslateHttpLoader({ prefix: '/i18n/', suffix: '.json' }),
    }),
    provideAppInitializer(() => inject(LanguageService).init()),
  ]);
}
