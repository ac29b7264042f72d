import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ProjectDto } from '@worksite/shared-domain';
import { mayEnter, SessionStore } from '@worksite/web-auth-data-access';

type View = 'gantt' | 'day-plan' | 'announcements' | 'weekly-plan' | 'ppc';

/** The page's title under the project's name, and the project's views the user may open as links. */
@Component({
  selector: 'ws-project-header',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>
      @if (project(); as p) {
        <span class="code">{{ p.code }}</span> {{ p.name }} ·
      }
      {{ title() | translate }}
    </h1>
    <nav class="views" [attr.aria-label]="'gantt.views' | translate">
      @for (v of views(); track v.path) {
        @if (v.path === current()) {
          <span aria-current="page">{{ v.key | translate }}</span>
        } @else {
          <a [routerLink]="['/projects', projectId(), v.path]" [attr.data-testid]="'view-' + v.path">{{
            v.key | translate
          }}</a>
        }
      }
    </nav>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem 1rem;
      align-items: center;
      margin-bottom: 0.6rem;
    }
    h1 {
      font-size: 1.25rem;
      margin: 0;
    }
    .code {
      color: #52606d;
    }
    .views {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 0.9rem;
    }
    [aria-current] {
      font-weight: 600;
    }
  `,
})
export class ProjectHeaderComponent {
  private readonly session = inject(SessionStore);
  readonly projectId = input.required<string>();
  readonly project = input<ProjectDto | null>(null);
  /** Translation key of the page's title. */
  readonly title = input.required<string>();
  readonly current = input.required<View>();

  protected readonly views = computed(() => {
    const user = this.session.user();
    const planner = mayEnter(user, 'plan');
    const all: { path: View; key: string; show: boolean }[] = [
      { path: 'gantt', key: 'gantt.title', show: planner },
      { path: 'day-plan', key: 'dayPlan.title', show: planner },
      { path: 'announcements', key: 'announcements.title', show: planner },
      { path: 'weekly-plan', key: 'weeklyPlan.title', show: mayEnter(user, 'weeklyPlan') },
      { path: 'ppc', key: 'ppc.title', show: planner },
    ];
    return all.filter((v) => v.show);
  });
}
