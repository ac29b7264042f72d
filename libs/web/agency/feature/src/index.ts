import { Routes } from '@angular/router';
export const AGENCY_ROUTES: Routes = [];
