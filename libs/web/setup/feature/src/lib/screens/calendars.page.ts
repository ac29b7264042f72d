import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { injectIsAdmin, injectStore } from '../data/inject-store';
import { CalendarRow } from '../data/setup.types';
import { textField } from '../forms/fields';
import { weekGroups, weeklyWindowsError } from '../forms/weekly-windows';
import { ResourceListComponent } from '../list/resource-list.component';
import { ResourceConfig } from '../list/resource-config';
import { CalendarDaysComponent } from './calendar-days.component';

/** Working calendars: weekly windows with the noon break; per calendar its holidays, 调休 days and blackout windows. */
@Component({
  selector: 'ws-calendars-page',
  imports: [ResourceListComponent, CalendarDaysComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-template #daysButton let-calendar>
      <button type="button" (click)="open.set(calendar)" data-testid="open-calendar-days">
        {{ 'setup.calendars.days' | translate }}
      </button>
    </ng-template>
    <ws-resource-list [config]="config" [store]="store" [rowActions]="daysButton" [openId]="open()?.id ?? null" />
    @if (open(); as calendar) {
      <ws-calendar-days [calendar]="calendar" (closed)="open.set(null)" />
    }
  `,
})
export class CalendarsPage {
  private readonly translate = inject(TranslateService);
  protected readonly open = signal<CalendarRow | null>(null);
  protected readonly store = injectStore<CalendarRow>('calendars');
  protected readonly config: ResourceConfig<CalendarRow> = {
    noun: 'setup.calendars.noun',
    testId: 'calendar',
    searchable: true,
    title: (item) => item.name,
    mayDelete: injectIsAdmin(),
    fields: [
      textField('name', 'setup.fields.name', 100, { required: true }),
      {
        key: 'weeklyWindows',
        label: 'setup.calendars.weekly',
        kind: 'weekly',
        hint: 'setup.calendars.weeklyHint',
        check: weeklyWindowsError,
      },
    ],
    columns: [
      { label: 'setup.fields.name', value: (item) => item.name },
      { label: 'setup.calendars.weekly', value: (item) => this.summary(item) },
    ],
  };

  /** "周一–周五 08:00–12:00, 14:00–18:00 · 周六 08:00–12:00". */
  private summary(calendar: CalendarRow): string {
    const day = (weekday: string) => this.translate.instant(`setup.weekdays.${weekday}`) as string;
    return weekGroups(calendar.weeklyWindows)
      .map((group) => `${day(group.from)}${group.to === group.from ? '' : `–${day(group.to)}`} ${group.windows}`)
      .join(' · ');
  }
}
