import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { breaksOf, defaultWeek, Weekday, WEEKDAYS, WeeklyWindows, WorkWindow } from './weekly-windows';

/** A calendar's working windows per weekday, with the breaks between them (the noon break) shown. */
@Component({
  selector: 'ws-weekly-windows',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ws-week" [id]="inputId()" role="group" data-testid="weekly-windows">
      @for (day of days; track day) {
        <div class="ws-day">
          <span class="ws-day-name">{{ 'setup.weekdays.' + day | translate }}</span>
          <div class="ws-windows">
            @for (window of week()[day] ?? []; track $index; let i = $index) {
              <span class="ws-window">
                <input
                  type="time"
                  [value]="window.start"
                  [attr.aria-label]="'setup.calendars.from' | translate"
                  (change)="edit(day, i, 'start', $event)"
                />
                –
                <input
                  type="time"
                  [value]="window.end"
                  [attr.aria-label]="'setup.calendars.to' | translate"
                  (change)="edit(day, i, 'end', $event)"
                />
                <button
                  type="button"
                  class="ws-link"
                  (click)="remove(day, i)"
                  [attr.aria-label]="'setup.calendars.removeWindow' | translate"
                >
                  ×
                </button>
              </span>
            } @empty {
              <span class="ws-off">{{ 'setup.calendars.dayOff' | translate }}</span>
            }
            @for (pause of breaks(day); track pause.start) {
              <small class="ws-break"
                >{{ 'setup.calendars.break' | translate }} {{ pause.start }}–{{ pause.end }}</small
              >
            }
            <button type="button" class="ws-link" (click)="add(day)">
              + {{ 'setup.calendars.addWindow' | translate }}
            </button>
          </div>
        </div>
      }
      <button type="button" (click)="valueChange.emit(defaults())">
        {{ 'setup.calendars.useDefault' | translate }}
      </button>
    </div>
  `,
  styles: `
    .ws-day {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 0.8rem;
      align-items: center;
      padding: 0.25rem 0;
      border-bottom: 1px solid #eef1f4;
    }
    .ws-day-name {
      width: 3.5rem;
      font-weight: 600;
    }
    .ws-windows {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 0.8rem;
      align-items: center;
      flex: 1;
    }
    .ws-window {
      white-space: nowrap;
    }
    .ws-off,
    .ws-break {
      color: #616e7c;
    }
  `,
})
export class WeeklyWindowsComponent {
  readonly inputId = input.required<string>();
  readonly value = input<WeeklyWindows | undefined>();
  readonly valueChange = output<WeeklyWindows>();
  protected readonly days = WEEKDAYS;
  protected readonly defaults = defaultWeek;
  /** A new calendar without windows yet works the API's default week. */
  protected readonly week = computed(() => this.value() ?? defaultWeek());

  protected breaks(day: Weekday): WorkWindow[] {
    return breaksOf(this.week()[day] ?? []);
  }

  protected edit(day: Weekday, index: number, end: 'start' | 'end', event: Event): void {
    const time = (event.target as HTMLInputElement).value;
    this.change(day, (windows) => windows.map((window, i) => (i === index ? { ...window, [end]: time } : window)));
  }

  protected add(day: Weekday): void {
    this.change(day, (windows) => [
      ...windows,
      windows.length ? { start: '14:00', end: '18:00' } : { start: '08:00', end: '12:00' },
    ]);
  }

  protected remove(day: Weekday, index: number): void {
    this.change(day, (windows) => windows.filter((_, i) => i !== index));
  }

  private change(day: Weekday, edit: (windows: WorkWindow[]) => WorkWindow[]): void {
    const week = { ...this.week() };
    const windows = edit(week[day] ?? []);
    if (windows.length) week[day] = windows;
    else delete week[day];
    this.valueChange.emit(week);
  }
}
