import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { IncidentDto, IncidentStatus, Role } from '@worksite/shared-domain';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ApiFailure } from '@worksite/web-core-data-access';
import { ZonedTimePipe } from '@worksite/web-shared-ui';
import { IncidentsApi } from '../data/incidents-api';
import { IncidentBadgeComponent } from '../incident-badge.component';
import { siteLabel } from '../data/site-label';

type Filter = 'all' | IncidentStatus;

const PAGE_SIZE = 50;

/** Incidents, newest first (open and closed), with the way to report one and to the playbooks and rosters. */
@Component({
  selector: 'ws-incident-list-page',
  imports: [RouterLink, TranslatePipe, ZonedTimePipe, IncidentBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './incident-list.page.css',
  template: `
    <header class="head">
      <h1>{{ 'incidents.list.title' | translate }}</h1>
      <div class="links">
        @if (mayReport()) {
          <a class="ws-danger" routerLink="new" data-testid="report-incident"
            >+ {{ 'incidents.report.title' | translate }}</a
          >
        }
        @if (seesPlaybooks()) {
          <a routerLink="playbooks" data-testid="playbooks-link">{{ 'incidents.playbooks.title' | translate }}</a>
        }
        @if (seesRosters()) {
          <a routerLink="roster" data-testid="roster-link">{{ 'incidents.roster.title' | translate }}</a>
        }
      </div>
    </header>
    <div class="filters" role="group" [attr.aria-label]="'incidents.list.filter' | translate">
      @for (option of filters; track option) {
        <button type="button" [class.active]="filter() === option" (click)="filter.set(option)">
          {{ 'incidents.list.filters.' + option | translate }}
        </button>
      }
    </div>
    @if (error(); as failure) {
      <p role="alert" class="ws-error">{{ 'common.loadFailed' | translate }}: {{ failure.message }}</p>
    }
    @if (loading() && !items().length) {
      <p>{{ 'common.loading' | translate }}</p>
    } @else if (!shown().length) {
      <p>{{ 'incidents.list.empty' | translate }}</p>
    }
    <ul class="list" role="list">
      @for (incident of shown(); track incident.id) {
        <li data-testid="incident-row" [attr.data-status]="incident.status" [attr.data-severity]="incident.severity">
          <a [routerLink]="incident.id" class="title">
            <span class="code">{{ incident.code }}</span>
            {{ incident.title }}
          </a>
          <span class="meta">
            <ws-incident-badge what="severity" [value]="incident.severity" />
            <span>{{ 'incidents.kind.' + incident.kind | translate }}</span>
            <span>{{ site(incident) }}</span>
            <span>{{ incident.reportedAt | wsTime: incident.timeZone : 'datetime' }}</span>
            <ws-incident-badge what="status" [value]="incident.status" />
          </span>
        </li>
      }
    </ul>
    @if (items().length < total()) {
      <button type="button" class="more" (click)="more()" [disabled]="loading()">
        {{ 'incidents.list.more' | translate: { shown: items().length, total: total() } }}
      </button>
    }
  `,
})
export class IncidentListPage {
  private readonly api = inject(IncidentsApi);
  private readonly session = inject(SessionStore);
  protected readonly filters: Filter[] = ['all', IncidentStatus.Open, IncidentStatus.Closed];
  protected readonly filter = signal<Filter>('all');
  protected readonly items = signal<IncidentDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<ApiFailure | null>(null);
  protected readonly mayReport = computed(() => {
    const role = this.session.role();
    return role === Role.Admin || role === Role.Coordinator;
  });
  /** The API's readers of playbooks and rosters (an agency reads its own department's roster). */
  protected readonly seesPlaybooks = computed(() =>
    [Role.Admin, Role.Coordinator, Role.Viewer].includes(this.session.role() as Role),
  );
  protected readonly seesRosters = computed(() =>
    [Role.Admin, Role.Coordinator, Role.Viewer, Role.Agency].includes(this.session.role() as Role),
  );
  protected readonly shown = computed(() => [...this.items()].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt)));
  protected readonly total = signal(0);
  private page = 1;
  private seq = 0;

  constructor() {
    effect(() => {
      const filter = this.filter();
      untracked(() => void this.load(filter, 1));
    });
  }

  protected more(): void {
    void this.load(this.filter(), this.page + 1);
  }

  protected site(incident: IncidentDto): string {
    return siteLabel(incident.site);
  }

  private async load(filter: Filter, page: number): Promise<void> {
    const seq = ++this.seq;
    this.loading.set(true);
    try {
      const result = await this.api.list({
        status: filter === 'all' ? undefined : filter,
        page,
        pageSize: PAGE_SIZE,
      });
      if (seq !== this.seq) return;
      this.page = page;
      this.items.update((items) => (page === 1 ? result.items : [...items, ...result.items]));
      this.total.set(result.total);
      this.error.set(null);
    } catch (error) {
      if (seq === this.seq) this.error.set(error as ApiFailure);
    } finally {
      if (seq === this.seq) this.loading.set(false);
    }
  }
}
