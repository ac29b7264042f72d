import { Routes } from '@angular/router';
import { GanttPage } from './gantt-page';

/** `projects/:projectId/gantt`. */
export const GANTT_ROUTES: Routes = [{ path: '', component: GanttPage }];
