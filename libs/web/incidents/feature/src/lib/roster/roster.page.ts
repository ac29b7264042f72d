import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { OnCallRosterDto, Role } from '@worksite/shared-domain';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ApiFailure } from '@worksite/web-core-data-access';
import { CrewRef, ReferenceData } from '@worksite/web-planning-data-access';
import { ZonedRangePipe } from '@worksite/web-shared-ui';
import { IncidentsApi } from '../data/incidents-api';
import { REPORT_ZONE } from '../report/report-form';
import { RosterEditorComponent } from './roster-editor.component';

/** Who is on duty when, per department: the crew on duty now, the duty periods, the duty lead and phone. */
@Component({
  selector: 'ws-roster-page',
  imports: [RouterLink, TranslatePipe, ZonedRangePipe, RosterEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../incident-facts.css', './roster.page.css'],
  template: `
    <nav class="crumbs">
      <a routerLink="/incidents">{{ 'incidents.list.title' | translate }}</a> ›
    </nav>
    <h1>{{ 'incidents.roster.title' | translate }}</h1>
    @if (error(); as failure) {
      <p role="alert" class="ws-error">{{ 'common.loadFailed' | translate }}: {{ failure.message }}</p>
    }
    <div class="rosters">
      @for (roster of rosters(); track roster.departmentId) {
        <article data-testid="roster" [attr.data-department-id]="roster.departmentId">
          <header>
            <h2>{{ roster.departmentName }}</h2>
            @if (mayEdit() && editing() !== roster.departmentId) {
              <button type="button" (click)="editing.set(roster.departmentId)" data-testid="edit-roster">
                {{ 'incidents.roster.edit' | translate }}
              </button>
            }
          </header>
          <dl>
            <dt>{{ 'incidents.roster.onDutyNow' | translate }}</dt>
            <dd [class.nobody]="!roster.onDutyCrewName" data-testid="on-duty">
              {{ roster.onDutyCrewName ?? ('incidents.roster.nobody' | translate) }}
            </dd>
            <dt>{{ 'incidents.roster.dutyLead' | translate }}</dt>
            <dd>
              {{ roster.dutyLeadName ?? '—' }}
              @if (roster.dutyLeadPhone; as phone) {
                · <a [href]="'tel:' + phone">{{ phone }}</a>
              }
            </dd>
            <dt>{{ 'incidents.roster.defaultCrew' | translate }}</dt>
            <dd>{{ roster.defaultCrewName ?? ('incidents.roster.nobody' | translate) }}</dd>
          </dl>
          @if (upcoming(roster); as shifts) {
            @if (shifts.length) {
              <ul class="shifts">
                @for (shift of shifts; track $index) {
                  <li>
                    <span class="when">{{ shift.startsAt | wsRange: shift.endsAt : zone : 'datetime' }}</span>
                    <span>{{ shift.crewName ?? crewName(shift.crewId) }}</span>
                  </li>
                }
              </ul>
            }
          }
          @if (editing() === roster.departmentId) {
            <ws-roster-editor
              [roster]="roster"
              [crews]="crewsOf(roster.departmentId)"
              [zone]="zone"
              (saved)="saved($event)"
              (cancelled)="editing.set(null)"
            />
          }
        </article>
      }
    </div>
  `,
})
export class RosterPage implements OnInit {
  private readonly api = inject(IncidentsApi);
  private readonly referenceData = inject(ReferenceData);
  private readonly session = inject(SessionStore);
  protected readonly zone = REPORT_ZONE;
  protected readonly rosters = signal<OnCallRosterDto[]>([]);
  private readonly crews = signal<ReadonlyMap<string, CrewRef>>(new Map());
  protected readonly error = signal<ApiFailure | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly mayEdit = computed(() => {
    const role = this.session.role();
    return role === Role.Admin || role === Role.Coordinator;
  });

  async ngOnInit(): Promise<void> {
    try {
      const [rosters, refs] = await Promise.all([this.api.rosters(), this.referenceData.load()]);
      const collator = new Intl.Collator('zh-CN');
      this.rosters.set([...rosters].sort((a, b) => collator.compare(a.departmentName, b.departmentName)));
      this.crews.set(refs.crews);
    } catch (error) {
      this.error.set(error as ApiFailure);
    }
  }

  /** Duty periods not over yet, in order. */
  protected upcoming(roster: OnCallRosterDto): OnCallRosterDto['shifts'] {
    const now = new Date().toISOString();
    return [...roster.shifts].filter((s) => s.endsAt > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  protected crewName(id: string): string {
    return this.crews().get(id)?.name ?? '—';
  }

  protected crewsOf(departmentId: string): CrewRef[] {
    return [...this.crews().values()].filter((crew) => crew.departmentId === departmentId);
  }

  protected saved(roster: OnCallRosterDto): void {
    this.rosters.update((list) => list.map((r) => (r.departmentId === roster.departmentId ? roster : r)));
    this.editing.set(null);
  }
}
