import { Routes } from '@angular/router';
import { AgencyPage } from './agency-page.component';

export const AGENCY_ROUTES: Routes = [{ path: '', component: AgencyPage }];
