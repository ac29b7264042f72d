import { Routes } from '@angular/router';
export const CREW_ROUTES: Routes = [];
