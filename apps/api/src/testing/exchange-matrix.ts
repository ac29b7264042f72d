import { AccessWorld } from './access-world';

type Json = Record<string, unknown>;

interface ExchangeRow {
  route: string;
  object: string;
  expect: string;
  target: (w: AccessWorld) => Promise<{ path: string; body?: Json }> | { path: string; body?: Json };
}

/**
 * Calendar feeds, exports and the community import in the access matrix (columns: anonymous
 * admin coordinator contractor agency viewer). A crew's feed: its lead, the coordinators of a
 * project it works in, admins; one's own feed: agency users.
 */
export const EXCHANGE_MATRIX: ExchangeRow[] = [
  ...(
    [
      ['GET', '200'],
      ['POST', '201'],
      ['DELETE', '204'],
    ] as const
  ).flatMap(([method, ok]): ExchangeRow[] => [
    {
      route: `${method} /api/crews/:id/feed`,
      object: 'own crew',
      expect: `401 ${ok} ${ok} ${ok} 403 403`,
      target: (w) => ({ path: `/api/crews/${w.ids.crewOwn}/feed` }),
    },
    {
      route: `${method} /api/crews/:id/feed`,
      // The other crew works on the linked task of the coordinator's project too.
      object: 'other crew',
      expect: `401 ${ok} ${ok} 404 404 403`,
      target: (w) => ({ path: `/api/crews/${w.ids.crewOther}/feed` }),
    },
    {
      route: `${method} /api/feeds/mine`,
      object: 'self',
      expect: `401 403 403 403 ${ok} 403`,
      target: () => ({ path: '/api/feeds/mine' }),
    },
  ]),
  // Exports: whoever sees the project, limited to the tasks they see (as the schedule).
  ...['export.xlsx', 'day-plan/2026-12-02/export.csv'].flatMap((what): ExchangeRow[] => {
    const route = `GET /api/projects/:id/${what.replace(/^day-plan\/[\d-]+/, 'day-plan/:date').replace(/xlsx|csv/, ':format')}`;
    return [
      {
        route,
        object: 'own project',
        expect: '401 200 200 200 200 200',
        target: (w) => ({ path: `/api/projects/${w.ids.projectOwn}/${what}` }),
      },
      {
        route,
        object: 'other project',
        expect: '401 200 404 404 404 200',
        target: (w) => ({ path: `/api/projects/${w.ids.projectOther}/${what}` }),
      },
    ];
  }),
  // Printed reports: whoever sees the project, limited to the tasks they see (as the schedule).
  ...(
    [
      ['GET', 'gantt.pdf', '?from=2026-12-01&to=2026-12-31'],
      ['POST', 'gantt.pdf', ''],
      ['GET', 'day-plan.pdf', '?date=2026-12-02'],
    ] as const
  ).flatMap(([method, what, query]): ExchangeRow[] => [
    {
      route: `${method} /api/projects/:id/${what}`,
      object: 'own project',
      expect: '401 200 200 200 200 200',
      target: (w) => ({
        path: `/api/projects/${w.ids.projectOwn}/${what}${query}`,
        body: method === 'POST' ? { from: '2026-12-01', to: '2026-12-31' } : undefined,
      }),
    },
    {
      route: `${method} /api/projects/:id/${what}`,
      object: 'other project',
      expect: '401 200 404 404 404 200',
      target: (w) => ({
        path: `/api/projects/${w.ids.projectOther}/${what}${query}`,
        body: method === 'POST' ? { from: '2026-12-01', to: '2026-12-31' } : undefined,
      }),
    },
  ]),
  {
    route: 'GET /api/locations/import-template.xlsx',
    object: 'template',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/locations/import-template.xlsx' }),
  },
  {
    // No spreadsheet in the body: planners get 415, the others are refused first.
    route: 'POST /api/locations/import',
    object: 'JSON body',
    expect: '401 415 415 403 403 403',
    target: () => ({ path: '/api/locations/import', body: {} }),
  },
  {
    route: 'GET /api/feeds/:token.ics',
    object: 'unknown secret',
    expect: '404 404 404 404 404 404',
    target: () => ({ path: `/api/feeds/${'a'.repeat(43)}.ics` }),
  },
];
