import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { CalendarExceptionKind } from '@worksite/shared-domain';
import { ApiClient } from '@worksite/web-core-data-access';
import { formatZonedRange } from '@worksite/web-shared-ui';
import { TranslateService } from '@ngx-translate/core';
import { injectIsAdmin } from '../data/inject-store';
import { ResourceStore } from '../data/resource-store';
import { BlackoutWindowRow, CalendarExceptionRow, CalendarRow } from '../data/setup.types';
import { enumOptions, notBefore, selectField, textField } from '../forms/fields';
import { ResourceListComponent } from '../list/resource-list.component';
import { ResourceConfig } from '../list/resource-config';

/** Blackout windows are entered and shown in the browser's zone (datetime-local inputs). */
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** One calendar's holidays and 调休 make-up days, and its blackout windows (date-time ranges). */
@Component({
  selector: 'ws-calendar-days',
  imports: [ResourceListComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ws-panel" data-testid="calendar-days">
      <h2>
        {{ 'setup.calendars.daysOf' | translate: { calendar: calendar().name } }}
        <button type="button" (click)="closed.emit()">{{ 'common.close' | translate }}</button>
      </h2>
      @for (current of [calendar()]; track current.id) {
        <h3>{{ 'setup.exceptions.title' | translate }}</h3>
        <p class="ws-hint">{{ 'setup.exceptions.explain' | translate }}</p>
        <ws-resource-list [config]="exceptions()" [store]="exceptionStore()" />
        <h3>{{ 'setup.blackouts.title' | translate }}</h3>
        <p class="ws-hint">{{ 'setup.blackouts.explain' | translate: { zone: zone } }}</p>
        <ws-resource-list [config]="blackouts()" [store]="blackoutStore()" />
      }
    </section>
  `,
})
export class CalendarDaysComponent {
  readonly calendar = input.required<CalendarRow>();
  readonly closed = output<void>();
  private readonly api = inject(ApiClient);
  private readonly translate = inject(TranslateService);
  private readonly isAdmin = injectIsAdmin();
  protected readonly zone = BROWSER_ZONE;
  private readonly query = () => ({ calendarId: this.calendar().id });

  protected readonly exceptionStore = computed(
    () => new ResourceStore<CalendarExceptionRow>(this.api, 'calendar-exceptions', this.query),
  );
  protected readonly blackoutStore = computed(
    () => new ResourceStore<BlackoutWindowRow>(this.api, 'blackout-windows', this.query),
  );

  protected readonly exceptions = computed<ResourceConfig<CalendarExceptionRow>>(() => ({
    noun: 'setup.exceptions.noun',
    testId: 'exception',
    title: (item) => `${item.date} ${item.name}`,
    mayDelete: this.isAdmin,
    fixed: { calendarId: this.calendar().id },
    defaults: { kind: CalendarExceptionKind.Holiday },
    fields: [
      { key: 'date', label: 'setup.exceptions.date', kind: 'date', required: true },
      selectField(
        'kind',
        'setup.exceptions.kind',
        enumOptions(Object.values(CalendarExceptionKind), 'setup.exceptionKinds'),
        {
          required: true,
        },
      ),
      textField('name', 'setup.exceptions.name', 100, { required: true }),
    ],
    columns: [
      { label: 'setup.exceptions.date', value: (item) => item.date },
      { label: 'setup.exceptions.kind', value: (item) => `setup.exceptionKinds.${item.kind}`, translate: true },
      { label: 'setup.exceptions.name', value: (item) => item.name },
    ],
  }));

  protected readonly blackouts = computed<ResourceConfig<BlackoutWindowRow>>(() => ({
    noun: 'setup.blackouts.noun',
    testId: 'blackout',
    title: (item) => item.reason,
    mayDelete: this.isAdmin,
    fixed: { calendarId: this.calendar().id },
    fields: [
      { key: 'startsAt', label: 'setup.blackouts.startsAt', kind: 'datetime', required: true },
      {
        key: 'endsAt',
        label: 'setup.blackouts.endsAt',
        kind: 'datetime',
        required: true,
        check: notBefore('startsAt', true),
      },
      textField('reason', 'setup.blackouts.reason', 200, { required: true }),
    ],
    columns: [
      {
        label: 'setup.blackouts.when',
        // Always with dates: a blackout window often spans days (an exam weekend).
        value: (item) =>
          formatZonedRange(
            item.startsAt,
            item.endsAt,
            BROWSER_ZONE,
            'datetime',
            this.translate.getCurrentLang() ?? 'zh-CN',
          ),
      },
      { label: 'setup.blackouts.reason', value: (item) => item.reason },
    ],
  }));
}
