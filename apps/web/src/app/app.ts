import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LANGUAGES, LanguageService, UiLanguage } from '@worksite/web-core-data-access';

@Component({
  selector: 'ws-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly language = inject(LanguageService);
  protected readonly languages = LANGUAGES;
  protected readonly names: Record<UiLanguage, string> = { 'zh-CN': '中文', en: 'English' };

  protected choose(value: string): void {
    this.language.use(value as UiLanguage);
  }
}
