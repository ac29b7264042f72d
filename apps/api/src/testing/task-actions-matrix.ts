import { randomBytes } from 'node:crypto';
import { AccessWorld } from './access-world';

type Json = Record<string, unknown>;

interface TaskActionRow {
  route: string;
  object: string;
  expect: string;
  target: (w: AccessWorld) => Promise<{ path: string; body?: Json }> | { path: string; body?: Json };
}

const step = () => ({ name: `工序${randomBytes(4).toString('hex')}`, departmentKind: 'power', durationMinutes: 480 });
const freshStep = async (w: AccessWorld) => `/api/work-steps/${await w.create('/api/work-steps', step())}`;

/** A new task of the project (made by the admin) and a bulk status change of it as the body. */
const bulkOf = (project: 'own' | 'other') => async (w: AccessWorld) => {
  const projectId = project === 'own' ? w.ids.projectOwn : w.ids.projectOther;
  const id = await w.create('/api/tasks', {
    projectId,
    crewId: project === 'own' ? w.ids.crewOwn : w.ids.crewOther,
    title: `批量${randomBytes(4).toString('hex')}`,
    plannedStart: '2026-12-02T08:00:00+08:00',
    durationMinutes: 60,
  });
  return { path: `/api/projects/${projectId}/tasks/bulk`, body: { tasks: [{ id, version: 1 }], status: 'ready' } };
};

/**
 * Standard work steps and bulk task edits in the access matrix. Columns: anonymous admin
 * coordinator contractor agency viewer. Planners read, create and change work steps, admins delete them; bulk edits
 * are the planners' of the project (others: 403 when they see the project, else 404).
 */
export const TASK_ACTION_MATRIX: TaskActionRow[] = [
  {
    route: 'GET /api/work-steps',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/work-steps' }),
  },
  {
    route: 'GET /api/work-steps/:id',
    object: 'any',
    expect: '401 200 200 404 404 404',
    target: async (w) => ({ path: await freshStep(w) }),
  },
  {
    route: 'POST /api/work-steps',
    object: 'new',
    expect: '401 201 201 403 403 403',
    target: () => ({ path: '/api/work-steps', body: step() }),
  },
  {
    route: 'PATCH /api/work-steps/:id',
    object: 'any',
    expect: '401 200 200 404 404 404',
    target: async (w) => ({ path: await freshStep(w), body: { durationMinutes: 960, version: 1 } }),
  },
  {
    route: 'DELETE /api/work-steps/:id',
    object: 'fresh',
    expect: '401 204 403 404 404 404',
    target: async (w) => ({ path: await freshStep(w) }),
  },
  {
    route: 'POST /api/projects/:id/tasks/bulk',
    object: 'own project',
    expect: '401 200 200 403 403 403',
    target: bulkOf('own'),
  },
  {
    route: 'POST /api/projects/:id/tasks/bulk',
    object: 'other project',
    expect: '401 200 404 404 404 403',
    target: bulkOf('other'),
  },
];
