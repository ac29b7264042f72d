import { Routes } from '@angular/router';
import { WeeklyPlanPage } from './weekly-plan/weekly-plan-page.component';

export const WEEKLY_PLAN_ROUTES: Routes = [{ path: '', component: WeeklyPlanPage }];

/** The PPC page loads on its own so that the chart library is fetched only there. */
export const PPC_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./ppc/ppc-page.component').then((m) => m.PpcPage) },
];
