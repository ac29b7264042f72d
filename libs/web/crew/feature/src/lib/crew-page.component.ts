import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
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
import { CrewStore } from './crew.store';

/** A crew lead's view: the notices for the crew (acknowledge) and its upcoming work by day. */
@Component({
  selector: 'ws-crew-page',
  imports: [
    TranslatePipe,
    ZonedTimePipe,
    ZonedRangePipe,
    StatusBadgeComponent,
    NoticeStateBadgeComponent,
    FeedSubscribeComponent,
  ],
  providers: [CrewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './crew-page.component.html',
  styleUrl: './crew-page.component.css',
})
export class CrewPage implements OnInit {
  protected readonly store = inject(CrewStore);
  private readonly session = inject(SessionStore);
  private readonly exchange = inject(ExchangeApi);
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
    void this.store.load(this.session.user()?.crewIds[0] ?? null);
  }

  protected location(id: string | null): string {
    const refs = this.store.refs();
    return refs ? locationPath(refs, id) : '';
  }
}
