import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ProjectDto } from '@worksite/shared-domain';
import { ProjectView, ProjectViewsComponent } from './project-views.component';

/**
 * A project page's header bar: `[code] name` (or a title while there is no project), the links to
 * the project's other views, then the page's own controls (projected) on the same wrapping row.
 */
@Component({
  selector: 'ws-project-header',
  imports: [TranslatePipe, ProjectViewsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bar">
      <h1>
        @if (project(); as p) {
          <span class="code">{{ p.code }}</span> {{ p.name }}
          @if (pageTitle(); as key) {
            · {{ key | translate }}
          }
        } @else if (titleAlone(); as key) {
          {{ key | translate }}
        }
      </h1>
      <ws-project-views [projectId]="projectId()" [current]="current()" [planner]="planner()" />
      <ng-content />
    </header>
  `,
  styles: `
    :host {
      display: block;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    h1 {
      margin: 0;
      font-size: 1.2rem;
    }
    .code {
      color: #616e7c;
      font-weight: 400;
    }
  `,
})
export class ProjectHeaderComponent {
  readonly projectId = input.required<string>();
  /** Null while it loads (or when it failed to). */
  readonly project = input<Pick<ProjectDto, 'code' | 'name'> | null>(null);
  readonly current = input.required<ProjectView>();
  /** Translation key of the title shown instead of the project's name while there is none. */
  readonly fallbackTitle = input<string | null>(null);
  /** Translation key of a page title shown after the name (`[code] name · title`), and alone without a project. */
  readonly pageTitle = input<string | null>(null);
  /** Whether the user may open the planners' views (a crew lead sees the weekly plan only). */
  readonly planner = input(true);

  protected readonly titleAlone = computed(() => this.pageTitle() ?? this.fallbackTitle());
}
