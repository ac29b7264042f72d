import { Route } from '@angular/router';
import { anonymousGuard, areaGuard, authGuard, landingGuard } from '@worksite/web-auth-data-access';

/** Every area behind login; each role lands on its own view and is kept out of the others. */
export const appRoutes: Route[] = [
  {
    path: 'login',
    canActivate: [anonymousGuard],
    loadChildren: () => import('@worksite/web-auth-feature').then((m) => m.AUTH_ROUTES),
  },
  {
    path: '',
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [landingGuard], children: [] },
      {
        path: 'projects',
        pathMatch: 'full',
        canActivate: [areaGuard('projects')],
        loadChildren: () => import('@worksite/web-projects-feature').then((m) => m.PROJECTS_ROUTES),
      },
      {
        path: 'projects/:projectId/gantt',
        canActivate: [areaGuard('plan')],
        loadChildren: () => import('@worksite/web-gantt-feature').then((m) => m.GANTT_ROUTES),
      },
      {
        path: 'projects/:projectId/day-plan',
        canActivate: [areaGuard('plan')],
        loadChildren: () => import('@worksite/web-day-plan-feature').then((m) => m.DAY_PLAN_ROUTES),
      },
      {
        path: 'projects/:projectId/look-ahead',
        canActivate: [areaGuard('plan')],
        loadChildren: () => import('@worksite/web-make-ready-feature').then((m) => m.LOOK_AHEAD_ROUTES),
      },
      {
        path: 'projects/:projectId/announcements',
        canActivate: [areaGuard('plan')],
        loadChildren: () => import('@worksite/web-announcements-feature').then((m) => m.ANNOUNCEMENTS_ROUTES),
      },
      {
        path: 'projects/:projectId/weekly-plan',
        canActivate: [areaGuard('weeklyPlan')],
        loadChildren: () => import('@worksite/web-weekly-plan-feature').then((m) => m.WEEKLY_PLAN_ROUTES),
      },
      {
        path: 'projects/:projectId/ppc',
        canActivate: [areaGuard('plan')],
        loadChildren: () => import('@worksite/web-weekly-plan-feature').then((m) => m.PPC_ROUTES),
      },
      {
        path: 'agency',
        canActivate: [areaGuard('agency')],
        loadChildren: () => import('@worksite/web-agency-feature').then((m) => m.AGENCY_ROUTES),
      },
      {
        path: 'setup',
        canActivate: [areaGuard('setup')],
        loadChildren: () => import('@worksite/web-setup-feature').then((m) => m.SETUP_ROUTES),
      },
      {
        path: 'crew',
        canActivate: [areaGuard('crew')],
        loadChildren: () => import('@worksite/web-crew-feature').then((m) => m.CREW_ROUTES),
      },
      {
        path: 'incidents',
        canActivate: [areaGuard('incidents')],
        loadChildren: () => import('@worksite/web-incidents-feature').then((m) => m.INCIDENTS_ROUTES),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
