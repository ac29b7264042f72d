import { randomBytes } from 'node:crypto';
import { AccessWorld } from './access-world';

type Json = Record<string, unknown>;

interface TriageRow {
  route: string;
  object: string;
  expect: string;
  target: (w: AccessWorld) => Promise<{ path: string; body?: Json }> | { path: string; body?: Json };
}

let week = 0;
/** A Monday of its own for every clash made (weeks from 2029-01-01 on), so no two rows share one. */
const nextMonday = () => new Date(Date.UTC(2029, 0, 1 + 7 * week++)).toISOString().slice(0, 10);

/**
 * A fresh clash in a project (one crew booked on two tasks at once, made by the admin) and a
 * decision on it as the request body: every row decides a clash of its own.
 */
const decision = (project: 'own' | 'other', action: Json) => async (w: AccessWorld) => {
  const projectId = project === 'own' ? w.ids.projectOwn : w.ids.projectOther;
  const crewId = project === 'own' ? w.ids.crewOwn : w.ids.crewOther;
  const day = nextMonday();
  const ids: string[] = [];
  for (const title of ['矩阵甲', '矩阵乙']) {
    ids.push(
      await w.create('/api/tasks', {
        projectId,
        crewId,
        title,
        plannedStart: `${day}T08:00:00+08:00`,
        durationMinutes: 60,
      }),
    );
  }
  const items = (await w.users.admin.get(`/api/projects/${projectId}/conflicts?from=${day}&to=${day}`).expect(200)).body
    .items as Json[];
  const clash = items.find((item) => ids.every((id) => (item['taskIds'] as string[]).includes(id)));
  if (!clash) throw new Error(`no clash of ${ids.join(', ')} in ${JSON.stringify(items)}`);
  const taskVersions = Object.fromEntries(
    (clash['taskIds'] as string[]).map((id, i) => [id, (clash['taskVersions'] as number[])[i]]),
  );
  return {
    path: `/api/projects/${projectId}/conflict-decisions`,
    body: { key: clash['key'], taskVersions, ...action },
  };
};

const projectOf = (w: AccessWorld, project: 'own' | 'other') =>
  project === 'own' ? w.ids.projectOwn : w.ids.projectOther;
const name = () => `基线${randomBytes(4).toString('hex')}`;
const baseline = (w: AccessWorld) => w.create(`/api/projects/${w.ids.projectOwn}/baselines`, { name: name() });

/**
 * Conflict decisions and baselines in the access matrix. Columns: anonymous admin coordinator
 * contractor agency viewer. Planners (the project's coordinators, admins) decide clashes and
 * keep baselines; whoever sees the project reads them.
 */
export const TRIAGE_MATRIX: TriageRow[] = [
  {
    route: 'POST /api/projects/:id/conflict-decisions',
    object: 'own project',
    expect: '401 201 201 403 403 403',
    target: decision('own', { action: 'accept', reason: '两家运营商在同一小区不同楼栋施工，可并行' }),
  },
  {
    route: 'POST /api/projects/:id/conflict-decisions',
    object: 'other project',
    expect: '401 201 404 404 404 403',
    target: decision('other', { action: 'accept', reason: '可并行' }),
  },
  ...(['own', 'other'] as const).flatMap((project): TriageRow[] => [
    {
      route: 'GET /api/projects/:id/conflict-decisions',
      object: `${project} project`,
      expect: project === 'own' ? '401 200 200 200 200 200' : '401 200 404 404 404 200',
      target: (w) => ({ path: `/api/projects/${projectOf(w, project)}/conflict-decisions?key=location-clash%7Ca%7Cb` }),
    },
    {
      route: 'GET /api/projects/:id/conflict-decisions/assignees',
      object: `${project} project`,
      expect: project === 'own' ? '401 200 200 403 403 403' : '401 200 404 404 404 403',
      target: (w) => ({ path: `/api/projects/${projectOf(w, project)}/conflict-decisions/assignees` }),
    },
    {
      route: 'POST /api/projects/:id/baselines',
      object: `${project} project`,
      expect: project === 'own' ? '401 201 201 403 403 403' : '401 201 404 404 404 403',
      target: (w) => ({ path: `/api/projects/${projectOf(w, project)}/baselines`, body: { name: name() } }),
    },
    {
      route: 'GET /api/projects/:id/baselines',
      object: `${project} project`,
      expect: project === 'own' ? '401 200 200 200 200 200' : '401 200 404 404 404 200',
      target: (w) => ({ path: `/api/projects/${projectOf(w, project)}/baselines` }),
    },
  ]),
  {
    route: 'GET /api/projects/:id/baselines/:baselineId',
    object: 'own project',
    expect: '401 200 200 200 200 200',
    target: async (w) => ({ path: `/api/projects/${w.ids.projectOwn}/baselines/${await baseline(w)}` }),
  },
  {
    route: 'GET /api/projects/:id/baselines/:baselineId/compare',
    object: 'own project',
    expect: '401 200 200 200 200 200',
    target: async (w) => ({ path: `/api/projects/${w.ids.projectOwn}/baselines/${await baseline(w)}/compare` }),
  },
  {
    route: 'DELETE /api/projects/:id/baselines/:baselineId',
    object: 'fresh',
    expect: '401 204 204 403 403 403',
    target: async (w) => ({ path: `/api/projects/${w.ids.projectOwn}/baselines/${await baseline(w)}` }),
  },
];
