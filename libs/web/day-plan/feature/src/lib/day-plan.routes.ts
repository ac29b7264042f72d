import { Routes } from '@angular/router';
import { DayPlanPage } from './day-plan-page.component';

/** `projects/:projectId/day-plan?date=YYYY-MM-DD`. */
export const DAY_PLAN_ROUTES: Routes = [{ path: '', component: DayPlanPage }];
