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
    /* Phones: the rows are cards (ws-card-table), the name first and the pages as large targets. */
    @media (max-width: 600px) {
      .name {
        font-weight: 600;
      }
      .links {
        display: flex !important;
        flex-wrap: wrap;
        gap: 0.3rem 1rem;
        padding: 0.4rem 0.6rem 0.6rem !important;
      }
      .links a {
        padding: 0.3rem 0;
      }
      .links a + a {
        margin-left: 0;
      }
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
      <table class="ws-table ws-card-table">
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
              <td [attr.data-label]="'projects.code' | translate">{{ project.code }}</td>
              <td class="name" [attr.data-label]="'projects.name' | translate">{{ project.name }}</td>
              <td [attr.data-label]="'projects.dates' | translate">
                {{ project.startDate }} – {{ project.endDate ?? ('projects.openEnd' | translate) }}
              </td>
              <td [attr.data-label]="'projects.coordinator' | translate">
                {{ project.coordinatorName }} {{ project.coordinatorPhone }}
              </td>
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
