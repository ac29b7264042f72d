import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { mayEnter, SessionStore } from '@worksite/web-auth-data-access';
import { ReloginDialog } from './relogin-dialog';
import { UpdateBanner } from './update-banner';
import { LANGUAGES, LanguageService, UiLanguage } from '@worksite/web-core-data-access';

/** The shell: navigation for the signed-in user's role, who is signed in, language switch. */
@Component({
  selector: 'ws-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe, ReloginDialog, UpdateBanner],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly language = inject(LanguageService);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly languages = LANGUAGES;
  protected readonly names: Record<UiLanguage, string> = { 'zh-CN': '中文', en: 'English' };
  protected readonly nav = computed(() => {
    const user = this.session.user();
    return [
      { path: '/projects', key: 'nav.projects', show: mayEnter(user, 'projects') },
      { path: '/agency', key: 'nav.agency', show: mayEnter(user, 'agency') },
      { path: '/crew', key: 'nav.crew', show: mayEnter(user, 'crew') },
      { path: '/setup', key: 'nav.setup', show: mayEnter(user, 'setup') },
      { path: '/incidents', key: 'nav.incidents', show: mayEnter(user, 'incidents') },
    ].filter((item) => item.show);
  });

  protected choose(value: string): void {
    this.language.use(value as UiLanguage);
  }

  protected async logout(): Promise<void> {
    await this.session.logout();
    await this.router.navigateByUrl('/login');
  }
}
