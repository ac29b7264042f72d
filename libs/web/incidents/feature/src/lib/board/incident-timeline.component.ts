import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { IncidentEventDto } from '@worksite/shared-domain';
import { ZonedTimePipe } from '@worksite/web-shared-ui';
import { instantOf } from '@worksite/shared-util-time';
import { TimelineDay } from '../data/board-view';

/** Every event of the incident, oldest first: when, who, what; a heading per day when it spans days. */
@Component({
  selector: 'ws-incident-timeline',
  imports: [TranslatePipe, ZonedTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="days" data-testid="timeline">
      @for (day of days(); track day.date) {
        <li>
          @if (spansDays()) {
            <h4>{{ noonOf(day.date) | wsTime: zone() : 'date' }}</h4>
          }
          <ol class="events">
            @for (event of day.events; track event.id) {
              <li data-testid="timeline-event" [attr.data-kind]="event.kind">
                <time [attr.datetime]="event.at">{{ event.at | wsTime: zone() : 'time' }}</time>
                <span class="what">
                  {{ 'incidents.event.' + event.kind | translate: paramsOf(event) }}
                  @if (noteOf(event); as note) {
                    <span class="note">— {{ note }}</span>
                  }
                </span>
                <span class="who">{{
                  event.actorKind === 'system' ? ('incidents.board.system' | translate) : event.actorName
                }}</span>
              </li>
            }
          </ol>
        </li>
      } @empty {
        <li>{{ 'common.none' | translate }}</li>
      }
    </ol>
  `,
  styles: `
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    h4 {
      margin: 0.5rem 0 0.2rem;
      font-size: 0.9rem;
      color: #52606d;
    }
    .events li {
      display: grid;
      grid-template-columns: 3.2rem 1fr auto;
      gap: 0.5rem;
      padding: 0.3rem 0;
      border-bottom: 1px solid #e4e7eb;
      font-size: 0.9rem;
    }
    time {
      font-variant-numeric: tabular-nums;
      color: #52606d;
    }
    .who {
      color: #52606d;
      text-align: right;
    }
    .note {
      color: #52606d;
    }
    [data-kind='escalated'] .what,
    [data-kind='no_crew_on_duty'] .what {
      color: #ab091e;
    }
    @media (max-width: 480px) {
      .events li {
        grid-template-columns: 3.2rem 1fr;
      }
      .who {
        grid-column: 2;
        text-align: left;
        font-size: 0.8rem;
      }
    }
  `,
})
export class IncidentTimelineComponent {
  private readonly translate = inject(TranslateService);
  readonly days = input.required<TimelineDay[]>();
  readonly spansDays = input(false);
  readonly zone = input.required<string>();

  /** A day's heading is formatted from its noon (any instant of the day would do). */
  protected noonOf(date: string): Date {
    return instantOf(date, '12:00', this.zone());
  }

  protected paramsOf(event: IncidentEventDto): Record<string, string> {
    const detail = event.detail ?? {};
    return {
      department: event.departmentName ?? '',
      actor: event.actorName,
      status: typeof detail['status'] === 'string' ? this.translate.instant(`status.${detail['status']}`) : '',
      title: typeof detail['title'] === 'string' ? String(detail['title']) : '',
      channels: Array.isArray(detail['channels']) ? (detail['channels'] as unknown[]).join(', ') : '',
    };
  }

  protected noteOf(event: IncidentEventDto): string | null {
    const note = event.detail?.['note'];
    return typeof note === 'string' && note ? note : null;
  }
}
