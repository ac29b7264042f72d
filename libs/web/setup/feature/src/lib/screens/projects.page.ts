import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Role } from '@worksite/shared-domain';
import { DEFAULT_NOT_READY_POLICY, NOT_READY_POLICIES } from '@worksite/shared-make-ready';
import { SessionStore } from '@worksite/web-auth-data-access';
import { firstValueFrom } from 'rxjs';
import { injectStore } from '../data/inject-store';
import { SetupOptions } from '../data/setup-options';
import { ProjectRow } from '../data/setup.types';
import { enumOptions, notBefore, selectField, textField } from '../forms/fields';
import { ResourceListComponent } from '../list/resource-list.component';
import { ResourceConfig } from '../list/resource-config';

/** Projects: code, name, calendar, dates; each with a link to its Gantt. */
@Component({
  selector: 'ws-setup-projects-page',
  imports: [ResourceListComponent, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-template #ganttLink let-project>
      <a [routerLink]="['/projects', project.id, 'gantt']" data-testid="open-gantt">{{ 'gantt.title' | translate }}</a>
    </ng-template>
    <ws-resource-list [config]="config" [store]="store" [rowActions]="ganttLink" />
  `,
})
export class SetupProjectsPage {
  private readonly options = inject(SetupOptions);
  private readonly session = inject(SessionStore);
  protected readonly store = injectStore<ProjectRow>('projects');
  protected readonly config: ResourceConfig<ProjectRow> = {
    noun: 'setup.projects.noun',
    testId: 'project',
    searchable: true,
    defaults: { notReadyPolicy: DEFAULT_NOT_READY_POLICY },
    title: (item) => `${item.code} ${item.name}`,
    fields: [
      textField('code', 'setup.projects.code', 40, {
        required: true,
        pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/,
        patternMessage: 'setup.errors.projectCode',
        hint: 'setup.projects.codeHint',
      }),
      textField('name', 'setup.fields.name', 200, { required: true }),
      selectField('calendarId', 'setup.projects.calendar', this.options.options('calendars'), { required: true }),
      { key: 'startDate', label: 'setup.projects.startDate', kind: 'date', required: true },
      { key: 'endDate', label: 'setup.projects.endDate', kind: 'date', nullable: true, check: notBefore('startDate') },
      textField('timeZone', 'setup.projects.timeZone', 64, {
        hint: 'setup.projects.timeZoneHint',
        check: timeZoneError,
      }),
      textField('coordinatorName', 'setup.projects.coordinatorName', 100),
      textField('coordinatorPhone', 'setup.projects.coordinatorPhone', 40),
      selectField(
        'notReadyPolicy',
        'setup.projects.notReadyPolicy',
        enumOptions(NOT_READY_POLICIES, 'setup.projects.notReadyPolicies'),
        { hint: 'setup.projects.notReadyPolicyHint', required: true },
      ),
      { key: 'description', label: 'setup.projects.description', kind: 'textarea', max: 5000 },
    ],
    columns: [
      { label: 'setup.projects.code', value: (item) => item.code },
      { label: 'setup.fields.name', value: (item) => item.name },
      { label: 'setup.projects.dates', value: (item) => `${item.startDate} – ${item.endDate ?? '…'}` },
      { label: 'setup.projects.calendar', value: (item) => this.options.nameOf(item.calendarId) },
    ],
    onSaved: (_project, created) => this.created(created),
  };

  constructor() {
    void this.options.load('calendars');
  }

  /** A coordinator who creates a project coordinates it: the session learns so (a fresh token). */
  private async created(created: boolean): Promise<void> {
    if (created && this.session.role() === Role.Coordinator)
      await firstValueFrom(this.session.refresh()).catch(() => undefined);
  }
}

/** The API takes IANA zone names ("Asia/Shanghai"); the browser knows the same list. */
function timeZoneError(value: unknown) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: String(value) });
    return null;
  } catch {
    return { key: 'setup.errors.timeZone' };
  }
}
