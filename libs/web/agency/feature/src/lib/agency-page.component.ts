import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ExchangeApi } from '@worksite/web-planning-data-access';
import {
  FeedSubscribeComponent,
  StatusBadgeComponent,
  WorkingMinutesPipe,
  ZonedTimePipe,
} from '@worksite/web-shared-ui';
import { AgencyStore } from './agency.store';
import { TaskChainComponent } from './task-chain.component';
import { AgencyBlocksComponent } from './agency-blocks.component';

/**
 * An agency's view: its department's tasks in a project, each with whom it waits for (who,
 * expected finish) and who waits for it, its expected start, float and whether it is
 * critical; the whole chain opens under a task.
 */
@Component({
  selector: 'ws-agency-page',
  imports: [
    TranslatePipe,
    StatusBadgeComponent,
    ZonedTimePipe,
    WorkingMinutesPipe,
    TaskChainComponent,
    FeedSubscribeComponent,
    AgencyBlocksComponent,
  ],
  providers: [AgencyStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agency-page.component.html',
  styleUrl: './agency-page.component.css',
})
export class AgencyPage implements OnInit {
  protected readonly store = inject(AgencyStore);
  protected readonly session = inject(SessionStore);
  /** The agency user's own calendar feed. */
  protected readonly myFeed = inject(ExchangeApi).myFeed();

  ngOnInit(): void {
    void this.store.start(this.session.user()?.departmentId ?? null);
  }

  protected chooseDepartment(id: string): void {
    this.store.departmentId.set(id || null);
  }
}
