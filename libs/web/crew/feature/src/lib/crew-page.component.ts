import { OpenConstraintsComponent } from '@worksite/web-make-ready-feature';
import { KeyValuePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ExchangeApi, locationPath } from '@worksite/web-planning-data-access';
import {
  FeedSubscribeComponent,
  NoticeStateBadgeComponent,
  StatusBadgeComponent,
  ZonedRangePipe,
  ZonedTimePipe,
} from '@worksite/web-shared-ui';
import { CrewOutbox } from '@worksite/web-weekly-plan-data-access';
import { CrewStore } from './crew.store';
import { CrewOutboxStatusComponent } from './today/crew-outbox-status.component';
import { CrewTodayComponent } from './today/crew-today.component';

/**
 * The crew lead's phone: today's tasks with one-tap reports (kept on the phone while offline),
 * the notices for the crew (acknowledge) and the upcoming work by day.
 */
@Component({
  selector: 'ws-crew-page',
  imports: [
    TranslatePipe,
    OpenConstraintsComponent,
    ZonedTimePipe,
    ZonedRangePipe,
    StatusBadgeComponent,
    NoticeStateBadgeComponent,
    FeedSubscribeComponent,
    CrewTodayComponent,
    CrewOutboxStatusComponent,
    RouterLink,
    KeyValuePipe,
  ],
  providers: [CrewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Back online after a start without network: the server's day replaces the one kept on the phone.
  host: { '(window:online)': 'backOnline()' },
  templateUrl: './crew-page.component.html',
  styleUrl: './crew-page.component.css',
})
export class CrewPage implements OnInit {
  protected readonly store = inject(CrewStore);
  private readonly session = inject(SessionStore);
  private readonly exchange = inject(ExchangeApi);
  private readonly outbox = inject(CrewOutbox);
  protected readonly locate = (id: string | null) => this.location(id);
  /** The lead: the constraints they own can be marked cleared here. */
  protected readonly user = computed(() => this.session.user() ?? null);
  /** The chosen crew's calendar feed. */
  protected readonly feed = computed(() => {
    const crewId = this.store.crewId();
    return crewId ? this.exchange.crewFeed(crewId) : null;
  });
  /** The user's crews; an administrator may pick any crew. */
  protected readonly crewChoices = computed(() => {
    const refs = this.store.refs();
    const own = this.session.user()?.crewIds ?? [];
    const ids = own.length ? own : [...(refs?.crews.keys() ?? [])];
    return ids.map((id) => ({ id, name: refs?.crews.get(id)?.name ?? id }));
  });

  ngOnInit(): void {
    const user = this.session.user();
    if (user) {
      this.outbox.open(user.id);
      this.store.keepOnPhone(user.id, user.crewIds);
    }
    void this.store.open(user?.crewIds ?? []);
  }

  protected backOnline(): void {
    if (this.store.keptAt() !== null) void this.store.load(this.store.crewId());
  }

  protected location(id: string | null): string {
    const refs = this.store.refs();
    return refs ? locationPath(refs, id) : '';
  }
}
