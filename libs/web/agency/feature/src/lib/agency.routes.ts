import { Routes } from '@angular/router';
import { AgencyPage } from './agency-page';

export const AGENCY_ROUTES: Routes = [{ path: '', component: AgencyPage }];
