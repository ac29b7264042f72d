import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { IncidentDepartmentDto, Role } from '@worksite/shared-domain';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ZonedTimePipe } from '@worksite/web-shared-ui';
import { SettableStatus } from '../data/board-view';
import { IncidentBoardStore } from '../data/board.store';
import { elapsedBetween } from '../data/elapsed';
import { LiveUpdates } from '../data/live-updates';
import { IncidentBadgeComponent } from '../incident-badge.component';
import { DepartmentCardComponent } from './department-card.component';
import { ElapsedPipe } from './elapsed.pipe';
import { IncidentClashesComponent } from './incident-clashes.component';
import { IncidentTimelineComponent } from './incident-timeline.component';
import { PaperworkCardComponent } from './paperwork-card.component';
import { RushTasksComponent } from './rush-tasks.component';
import { SiteCardComponent } from './site-card.component';

/**
 * `/incidents/:incidentId`: the incident board — per department where it stands and since
 * when, the timeline, the site, the rush tasks, the paperwork with its deadline, close and the
 * report. Kept current by the server's stream (or polling when it fails).
 */
@Component({
  selector: 'ws-incident-board-page',
  imports: [
    RouterLink,
    TranslatePipe,
    ZonedTimePipe,
    ElapsedPipe,
    DepartmentCardComponent,
    IncidentTimelineComponent,
    IncidentClashesComponent,
    SiteCardComponent,
    RushTasksComponent,
    PaperworkCardComponent,
    IncidentBadgeComponent,
  ],
  providers: [IncidentBoardStore, LiveUpdates],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './incident-board-page.component.html',
  styleUrl: './incident-board.page.css',
})
export class IncidentBoardPage {
  readonly incidentId = input.required<string>();
  protected readonly store = inject(IncidentBoardStore);
  private readonly session = inject(SessionStore);
  /** Coordinators and administrators act on the board (close, paperwork, any department); viewers watch. */
  protected readonly mayAct = computed(() => {
    const role = this.session.role();
    return role === Role.Admin || role === Role.Coordinator;
  });
  protected readonly sinceReport = computed(() => {
    const incident = this.store.incident();
    if (!incident) return null;
    return elapsedBetween(incident.reportedAt, incident.closedAt ?? this.store.now());
  });

  constructor() {
    effect(() => {
      const id = this.incidentId();
      untracked(() => void this.store.open(id));
    });
  }

  /** How long a department has been waiting to acknowledge since it was called (null: not called yet). */
  protected waitingFor(department: IncidentDepartmentDto): number | null {
    if (this.store.closed()) return null;
    return elapsedBetween(department.notifiedAt, this.store.now());
  }

  /** Who may move a department on: coordinators, the department's own agency users, the lead of the called-out crew. */
  protected mayActOn(department: IncidentDepartmentDto): boolean {
    if (this.store.closed()) return false;
    if (this.mayAct()) return true;
    const user = this.session.user();
    if (user?.role === Role.Agency) return user.departmentId === department.departmentId;
    if (user?.role === Role.Contractor) return !!department.crewId && user.crewIds.includes(department.crewId);
    return false;
  }

  protected set(departmentId: string, status: SettableStatus): void {
    void this.store.setStatus(departmentId, status);
  }
}
