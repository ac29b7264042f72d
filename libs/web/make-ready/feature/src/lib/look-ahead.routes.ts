import { Routes } from '@angular/router';
import { LookAheadPage } from './look-ahead/look-ahead-page.component';

export const LOOK_AHEAD_ROUTES: Routes = [{ path: '', component: LookAheadPage }];
