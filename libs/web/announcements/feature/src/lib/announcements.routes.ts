import { Routes } from '@angular/router';
import { AnnouncementsPage } from './announcements-page.component';

/** `projects/:projectId/announcements`. */
export const ANNOUNCEMENTS_ROUTES: Routes = [{ path: '', component: AnnouncementsPage }];
