import { Routes } from '@angular/router';
import { IncidentBoardPage } from './board/incident-board.page';
import { IncidentListPage } from './list/incident-list.page';
import { PlaybooksPage } from './playbooks/playbooks.page';
import { ReportIncidentPage } from './report/report-page.component';
import { RosterPage } from './roster/roster.page';

/** `/incidents`: the list, the report form, the playbooks, the on-call rosters and each incident's board. */
export const INCIDENTS_ROUTES: Routes = [
  { path: '', component: IncidentListPage },
  { path: 'new', component: ReportIncidentPage },
  { path: 'playbooks', component: PlaybooksPage },
  { path: 'roster', component: RosterPage },
  { path: ':incidentId', component: IncidentBoardPage },
];
