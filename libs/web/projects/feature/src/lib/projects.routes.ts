import { Routes } from '@angular/router';
import { ProjectsPage } from './projects-page';

export const PROJECTS_ROUTES: Routes = [{ path: '', component: ProjectsPage }];
