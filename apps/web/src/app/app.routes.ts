import { Route } from '@angular/router';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'projects' },
  { path: 'projects', loadChildren: () => import('@worksite/web-projects-feature').then((m) => m.PROJECTS_ROUTES) },
  { path: '**', redirectTo: 'projects' },
];
