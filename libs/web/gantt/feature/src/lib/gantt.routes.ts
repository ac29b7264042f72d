import { Routes } from '@angular/router';
import { GanttPage } from './gantt-page.component';

/** `projects/:projectId/gantt`. */
export const GANTT_ROUTES: Routes = [{ path: '', component: GanttPage }];
