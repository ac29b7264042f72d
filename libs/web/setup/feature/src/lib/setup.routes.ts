import { Routes } from '@angular/router';
import { areaGuard } from '@worksite/web-auth-data-access';
import { CalendarsPage } from './screens/calendars.page';
import { ContractorsPage } from './screens/contractors.page';
import { CrewsPage } from './screens/crews.page';
import { DepartmentsPage } from './screens/departments.page';
import { LocationsPage } from './screens/locations.page';
import { SetupProjectsPage } from './screens/projects.page';
import { UsersPage } from './screens/users.page';
import { WorkStepsPage } from './screens/work-steps.page';
import { SetupShellComponent } from './setup-shell.component';

/** `/setup/...`: the records a new project needs, set up in the browser. */
export const SETUP_ROUTES: Routes = [
  {
    path: '',
    component: SetupShellComponent,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'departments' },
      { path: 'departments', component: DepartmentsPage },
      { path: 'contractors', component: ContractorsPage },
      { path: 'crews', component: CrewsPage },
      { path: 'locations', component: LocationsPage },
      { path: 'calendars', component: CalendarsPage },
      { path: 'projects', component: SetupProjectsPage },
      { path: 'work-steps', component: WorkStepsPage },
      { path: 'users', canActivate: [areaGuard('users')], component: UsersPage },
    ],
  },
];
