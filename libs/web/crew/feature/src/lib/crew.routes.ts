import { Routes } from '@angular/router';
import { CrewPage } from './crew-page.component';

export const CREW_ROUTES: Routes = [{ path: '', component: CrewPage }];
