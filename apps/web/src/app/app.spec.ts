import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { App } from './app';

describe('App shell', () => {
  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ lang: 'zh-CN' }),
      ],
    }).compileComponents();
  });

  it('switches the interface language and remembers it', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const select = (fixture.nativeElement as HTMLElement).querySelector('select') as HTMLSelectElement;
    expect(select.options).toHaveLength(2);
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    expect(TestBed.inject(TranslateService).getCurrentLang()).toBe('en');
    expect(localStorage.getItem('worksite.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
