import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** The views of one project, in the order a coordinator works through them. */
export type ProjectView = 'gantt' | 'day-plan' | 'look-ahead' | 'weekly-plan' | 'ppc' | 'announcements';

const VIEWS: { path: ProjectView; key: string; planner: boolean }[] = [
  { path: 'gantt', key: 'gantt.title', planner: true },
  { path: 'day-plan', key: 'dayPlan.title', planner: true },
  { path: 'look-ahead', key: 'makeReady.lookAhead.title', planner: true },
  { path: 'weekly-plan', key: 'weeklyPlan.title', planner: false },
  { path: 'ppc', key: 'ppc.title', planner: true },
  { path: 'announcements', key: 'announcements.title', planner: true },
];

/**
 * The links between a project's views (the current one as plain text), one list for every
 * page. `planner` false (a crew lead on the weekly plan) leaves out the planners' views.
 */
@Component({
  selector: 'ws-project-views',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
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
export class ProjectViewsComponent {
  readonly projectId = input.required<string>();
  readonly current = input.required<ProjectView>();
  readonly planner = input(true);

  protected readonly views = computed(() => VIEWS.filter((v) => this.planner() || !v.planner));
}
