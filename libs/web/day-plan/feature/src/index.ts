import { Routes } from '@angular/router';
export const DAY_PLAN_ROUTES: Routes = [];
