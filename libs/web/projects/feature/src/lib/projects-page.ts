import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ProjectsStore } from './projects.store';

/** Every project the user can see, with its dates and coordinator. */
@Component({
  selector: 'ws-projects-page',
  imports: [TranslatePipe, RouterLink],
  providers: [ProjectsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .links a + a {
      margin-left: 0.8rem;
    }
  `,
  template: `
    <h1>{{ 'projects.title' | translate }}</h1>
    @if (store.loading()) {
      <p role="status">{{ 'common.loading' | translate }}</p>
    } @else if (store.error(); as error) {
      <p role="alert" class="ws-error">
        {{ 'common.loadFailed' | translate }}: {{ error.message }}
        <button type="button" (click)="store.load()">{{ 'common.retry' | translate }}</button>
      </p>
    } @else if (store.projects().length === 0) {
      <p>{{ 'projects.empty' | translate }}</p>
    } @else {
      <table class="ws-table">
        <thead>
          <tr>
            <th scope="col">{{ 'projects.code' | translate }}</th>
            <th scope="col">{{ 'projects.name' | translate }}</th>
            <th scope="col">{{ 'projects.dates' | translate }}</th>
            <th scope="col">{{ 'projects.coordinator' | translate }}</th>
            <th scope="col">{{ 'projects.open' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (project of store.projects(); track project.id) {
            <tr data-testid="project-row">
              <td>{{ project.code }}</td>
              <td>{{ project.name }}</td>
              <td>{{ project.startDate }} – {{ project.endDate ?? ('projects.openEnd' | translate) }}</td>
              <td>{{ project.coordinatorName }} {{ project.coordinatorPhone }}</td>
              <td class="links">
                <a [routerLink]="['/projects', project.id, 'gantt']" data-testid="open-gantt">{{
                  'gantt.title' | translate
                }}</a>
                <a [routerLink]="['/projects', project.id, 'day-plan']">{{ 'dayPlan.title' | translate }}</a>
                <a [routerLink]="['/projects', project.id, 'look-ahead']">{{
                  'makeReady.lookAhead.title' | translate
                }}</a>
                <a [routerLink]="['/projects', project.id, 'weekly-plan']">{{ 'weeklyPlan.title' | translate }}</a>
                <a [routerLink]="['/projects', project.id, 'ppc']">{{ 'ppc.title' | translate }}</a>
                <a [routerLink]="['/projects', project.id, 'announcements']">{{ 'announcements.title' | translate }}</a>
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
})
export class ProjectsPage implements OnInit {
  protected readonly store = inject(ProjectsStore);

  ngOnInit(): void {
    this.store.load();
  }
}
