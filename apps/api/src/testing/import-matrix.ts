import { AccessWorld } from './access-world';

interface ImportRow {
  route: string;
  object: string;
  expect: string;
  target: (w: AccessWorld) => Promise<{ path: string; body?: object }>;
}

/**
 * Bulk imports: the planners of a project (its coordinators, admins) import; whoever sees the
 * project downloads the template. Expected statuses: anonymous admin coordinator contractor agency viewer.
 * The Excel route answers who may before what was sent: a planner sending no file gets 400.
 */
export const IMPORT_MATRIX: ImportRow[] = [
  {
    route: 'POST /api/projects/:id/import',
    object: 'own project, dry run of nothing',
    expect: '401 200 200 403 403 403',
    target: async (w) => ({ path: `/api/projects/${w.ids.projectOwn}/import`, body: { dryRun: true, tasks: [] } }),
  },
  {
    route: 'POST /api/projects/:id/import',
    object: 'other project',
    expect: '401 200 404 404 404 403',
    target: async (w) => ({ path: `/api/projects/${w.ids.projectOther}/import`, body: { dryRun: true, tasks: [] } }),
  },
  {
    route: 'GET /api/projects/:id/import-template.xlsx',
    object: 'own project',
    expect: '401 200 200 200 200 200',
    target: async (w) => ({ path: `/api/projects/${w.ids.projectOwn}/import-template.xlsx` }),
  },
  {
    route: 'POST /api/projects/:id/import.xlsx',
    object: 'own project, no file',
    expect: '401 400 400 403 403 403',
    target: async (w) => ({ path: `/api/projects/${w.ids.projectOwn}/import.xlsx`, body: {} }),
  },
];
