import { weekStartOf } from '@worksite/shared-make-ready';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { randomUUID } from 'node:crypto';
import { AccessWorld } from './access-world';

type Json = Record<string, unknown>;

interface WeeklyPlanRow {
  route: string;
  object: string;
  expect: string;
  target: (w: AccessWorld) => Promise<{ path: string; body?: Json }>;
}

/** A week that has not begun (its plan can change): three weeks from now, in the projects' zone. */
const openWeek = () => addDays(weekStartOf(localDateOf(Date.now(), 'Asia/Shanghai')), 21);
const plan = (projectId: string) => `/api/projects/${projectId}/weekly-plans/${openWeek()}`;

/** The task committed in the open week (as the admin), and the path that withdraws it. */
async function committed(w: AccessWorld, projectId: string, taskId: string) {
  const response = await w.users.admin.post(`${plan(projectId)}/commitments`).send({ taskIds: [taskId] });
  if (response.status !== 200) throw new Error(`commit: ${response.status} ${JSON.stringify(response.body)}`);
  return { path: `${plan(projectId)}/commitments/${taskId}` };
}

const tap = (taskId: string): Json => ({
  clientKey: randomUUID(),
  taskId,
  kind: 'progress',
  progress: 10,
  tappedAt: new Date().toISOString(),
});

/**
 * Weekly plans, taps and PPC in the access matrix (columns: anonymous admin coordinator
 * contractor agency viewer). Read by whoever sees the project; commitments by its planners (any
 * task) and crew leads (their crews' tasks; others' are not found); taps by whoever may report on
 * the task (crew lead, its department's agency, planners).
 */
export const WEEKLY_PLAN_MATRIX: WeeklyPlanRow[] = [
  ...['weekly-plans/:weekStart', 'ppc', 'ppc.xlsx'].flatMap((what): WeeklyPlanRow[] => {
    const path = (w: AccessWorld, projectId: string) =>
      what === 'weekly-plans/:weekStart' ? plan(projectId) : `/api/projects/${projectId}/${what}`;
    return [
      {
        route: `GET /api/projects/:id/${what}`,
        object: 'own project',
        expect: '401 200 200 200 200 200',
        target: async (w) => ({ path: path(w, w.ids.projectOwn) }),
      },
      {
        route: `GET /api/projects/:id/${what}`,
        object: 'other project',
        expect: '401 200 404 404 404 200',
        target: async (w) => ({ path: path(w, w.ids.projectOther) }),
      },
    ];
  }),
  {
    route: 'POST /api/projects/:id/weekly-plans/:weekStart/commitments',
    object: "own crew's task",
    expect: '401 200 200 200 403 403',
    target: async (w) => ({ path: `${plan(w.ids.projectOwn)}/commitments`, body: { taskIds: [w.ids.taskOwn] } }),
  },
  {
    route: 'POST /api/projects/:id/weekly-plans/:weekStart/commitments',
    object: "other crew's task",
    expect: '401 200 200 404 403 403',
    target: async (w) => ({ path: `${plan(w.ids.projectOwn)}/commitments`, body: { taskIds: [w.ids.taskLinked] } }),
  },
  {
    route: 'POST /api/projects/:id/weekly-plans/:weekStart/commitments',
    object: 'other project',
    expect: '401 200 404 404 404 403',
    target: async (w) => ({ path: `${plan(w.ids.projectOther)}/commitments`, body: { taskIds: [w.ids.taskOther] } }),
  },
  {
    route: 'DELETE /api/projects/:id/weekly-plans/:weekStart/commitments/:taskId',
    object: "own crew's task",
    expect: '401 200 200 200 403 403',
    target: (w) => committed(w, w.ids.projectOwn, w.ids.taskOwn),
  },
  {
    route: 'DELETE /api/projects/:id/weekly-plans/:weekStart/commitments/:taskId',
    object: 'other project',
    expect: '401 200 404 404 404 403',
    target: (w) => committed(w, w.ids.projectOther, w.ids.taskOther),
  },
  {
    route: 'POST /api/crew/reports',
    object: "own crew's task",
    expect: '401 200 200 200 200 403',
    target: async (w) => ({ path: '/api/crew/reports', body: tap(w.ids.taskOwn) }),
  },
  {
    route: 'POST /api/crew/reports',
    object: 'other project',
    expect: '401 200 404 404 404 403',
    target: async (w) => ({ path: '/api/crew/reports', body: tap(w.ids.taskOther) }),
  },
  {
    // Over the tasks the caller sees: a role that sees none of the crew's gets an empty day.
    route: 'GET /api/crew/reports',
    object: "own crew's day",
    expect: '401 200 200 200 200 200',
    target: async (w) => ({
      path: `/api/crew/reports?crewId=${w.ids.crewOwn}&date=${localDateOf(Date.now(), 'Asia/Shanghai')}`,
    }),
  },
  {
    // Each tap's refusal is in its result; the flush itself is answered to every signed-in role.
    route: 'POST /api/crew/reports/batch',
    object: 'own and other tasks',
    expect: '401 200 200 200 200 200',
    target: async (w) => ({
      path: '/api/crew/reports/batch',
      body: { reports: [tap(w.ids.taskOwn), tap(w.ids.taskOther)] },
    }),
  },
];
