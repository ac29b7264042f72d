import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ProjectDto } from '@worksite/shared-domain';
import { mayEnter, SessionStore } from '@worksite/web-auth-data-access';
import { ProjectView, ProjectViewsComponent } from '@worksite/web-shared-ui';

/** The page's title under the project's name, and the project's views the user may open as links. */
@Component({
  selector: 'ws-project-header',
  imports: [TranslatePipe, ProjectViewsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>
      @if (project(); as p) {
        <span class="code">{{ p.code }}</span> {{ p.name }} ·
      }
      {{ title() | translate }}
    </h1>
    <ws-project-views [projectId]="projectId()" [current]="current()" [planner]="planner()" />
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
  `,
})
export class ProjectHeaderComponent {
  private readonly session = inject(SessionStore);
  readonly projectId = input.required<string>();
  readonly project = input<ProjectDto | null>(null);
  /** Translation key of the page's title. */
  readonly title = input.required<string>();
  readonly current = input.required<ProjectView>();

  /** Whether the user may open the planners' views (a crew lead sees the weekly plan only). */
  protected readonly planner = computed(() => mayEnter(this.session.user(), 'plan'));
}
