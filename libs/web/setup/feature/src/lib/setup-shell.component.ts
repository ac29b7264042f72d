import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { mayEnter, SessionStore } from '@worksite/web-auth-data-access';
import { SetupOptions } from './data/setup-options';

/** The setup area: one tab per kind of record; users only for administrators. */
@Component({
  selector: 'ws-setup-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe],
  providers: [SetupOptions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './setup-shell.component.css',
  template: `
    <h1>{{ 'setup.title' | translate }}</h1>
    <nav class="ws-tabs" [attr.aria-label]="'setup.title' | translate">
      @for (tab of tabs(); track tab) {
        <a [routerLink]="tab" routerLinkActive="active" [attr.data-testid]="'setup-tab-' + tab">{{
          'setup.tabs.' + tab | translate
        }}</a>
      }
    </nav>
    <router-outlet />
  `,
})
export class SetupShellComponent {
  private readonly session = inject(SessionStore);
  protected readonly tabs = computed(() => [
    'departments',
    'contractors',
    'crews',
    'locations',
    'calendars',
    'projects',
    'work-steps',
    ...(mayEnter(this.session.user(), 'users') ? ['users'] : []),
  ]);
}
