import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { mayEnter, SessionStore } from '@worksite/web-auth-data-access';
import { LANGUAGES, LanguageService, UiLanguage } from '@worksite/web-core-data-access';
import { CrewOutbox, forgetKeptDays } from '@worksite/web-weekly-plan-data-access';
import { LogoutButton } from './logout-button';
import { ReloginDialog } from './relogin-dialog';
import { UpdateBanner } from './update-banner';

/** The shell: navigation for the signed-in user's role, who is signed in, language switch. */
@Component({
  selector: 'ws-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe, ReloginDialog, UpdateBanner, LogoutButton],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly language = inject(LanguageService);
  protected readonly session = inject(SessionStore);
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

  constructor() {
    // Someone signed in (also after a session that ended without logout): the days other users
    // kept on this phone go; their waiting taps stay, unsent, for their own next login.
    const storage = inject(DOCUMENT).defaultView?.localStorage ?? null;
    const outbox = inject(CrewOutbox);
    effect(() => {
      const userId = this.session.user()?.id;
      if (!userId) return;
      untracked(() => {
        forgetKeptDays(storage, userId);
        outbox.signedIn(userId);
      });
    });
  }

  protected choose(value: string): void {
    this.language.use(value as UiLanguage);
  }
}
