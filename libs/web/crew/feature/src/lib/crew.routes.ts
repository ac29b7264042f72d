import { Routes } from '@angular/router';
import { CrewPage } from './crew-page';

export const CREW_ROUTES: Routes = [{ path: '', component: CrewPage }];
