import { AccessWorld } from './access-world';

type Json = Record<string, unknown>;

interface MakeReadyRow {
  route: string;
  object: string;
  expect: string;
  target: (w: AccessWorld) => Promise<{ path: string; body?: Json }>;
}

/** A fresh constraint (as the admin) on the own or the other project's task, optionally cleared. */
async function constraint(w: AccessWorld, own: boolean, owner: Json = {}, cleared = false) {
  const taskId = own ? w.ids.taskOwn : w.ids.taskOther;
  const admin = w.users.admin;
  const made = (
    await admin
      .post(`/api/tasks/${taskId}/constraints`)
      .send({ kind: 'materials', description: '电缆', ...owner })
      .expect(201)
  ).body as { id: string; version: number };
  if (!cleared) return made;
  const after = await admin.post(`/api/constraints/${made.id}/clear`).send({ version: made.version }).expect(200);
  return after.body as { id: string; version: number };
}

const OWN_READ = '401 200 200 200 200 200';
const OTHER_READ = '401 200 404 404 404 200';

/**
 * Make-ready in the access matrix (columns: anonymous admin coordinator contractor agency
 * viewer): constraints are read with their task, written by the project's planners, cleared
 * and reopened by them or the owner (here the agency's department, or the crew lead); the
 * readiness and look-ahead by whoever sees the project; whom to name owner by its planners; the
 * blocks by agencies and planners.
 */
export const MAKE_READY_MATRIX: MakeReadyRow[] = [
  ...[true, false].flatMap((own): MakeReadyRow[] => {
    const object = own ? 'own' : 'other';
    const task = (w: AccessWorld) => (own ? w.ids.taskOwn : w.ids.taskOther);
    const project = (w: AccessWorld) => (own ? w.ids.projectOwn : w.ids.projectOther);
    return [
      {
        route: 'GET /api/tasks/:taskId/constraints',
        object,
        expect: own ? OWN_READ : OTHER_READ,
        target: async (w) => ({ path: `/api/tasks/${task(w)}/constraints` }),
      },
      {
        route: 'POST /api/tasks/:taskId/constraints',
        object,
        expect: own ? '401 201 201 403 403 403' : '401 201 404 404 404 403',
        target: async (w) => ({ path: `/api/tasks/${task(w)}/constraints`, body: { kind: 'dig_permit' } }),
      },
      {
        route: 'PATCH /api/constraints/:id',
        object,
        expect: own ? '401 200 200 403 403 403' : '401 200 404 404 404 403',
        target: async (w) => {
          const { id, version } = await constraint(w, own);
          return { path: `/api/constraints/${id}`, body: { version, description: '电缆到场' } };
        },
      },
      {
        route: 'POST /api/constraints/:id/clear',
        object: own ? "own, the agency's department owns it" : 'other, no owner',
        expect: own ? '401 200 200 403 200 403' : '401 200 404 404 404 403',
        target: async (w) => {
          const { id, version } = await constraint(w, own, own ? { ownerDepartmentId: w.ids.departmentOwn } : {});
          return { path: `/api/constraints/${id}/clear`, body: { version } };
        },
      },
      {
        route: 'POST /api/constraints/:id/reopen',
        object: own ? 'own, the crew lead owns it' : 'other, no owner',
        expect: own ? '401 200 200 200 403 403' : '401 200 404 404 404 403',
        target: async (w) => {
          const owner = own ? { ownerUserId: w.users.contractor.userId } : {};
          const { id, version } = await constraint(w, own, owner, true);
          return { path: `/api/constraints/${id}/reopen`, body: { version } };
        },
      },
      {
        route: 'DELETE /api/constraints/:id',
        object,
        expect: own ? '401 204 204 403 403 403' : '401 204 404 404 404 403',
        target: async (w) => {
          const { id, version } = await constraint(w, own);
          return { path: `/api/constraints/${id}?version=${version}` };
        },
      },
      ...['readiness', 'look-ahead'].map(
        (what): MakeReadyRow => ({
          route: `GET /api/projects/:projectId/${what}`,
          object: `${object} project`,
          expect: own ? OWN_READ : OTHER_READ,
          target: async (w) => ({ path: `/api/projects/${project(w)}/${what}` }),
        }),
      ),
      {
        route: 'GET /api/projects/:projectId/constraint-owners',
        object: `${object} project`,
        expect: own ? '401 200 200 403 403 403' : '401 200 404 404 404 403',
        target: async (w) => ({ path: `/api/projects/${project(w)}/constraint-owners` }),
      },
      {
        route: 'GET /api/agency/blocks',
        object: `${object} department`,
        expect: own ? '401 200 200 403 200 200' : '401 200 200 403 403 200',
        target: async (w) => ({
          path: `/api/agency/blocks?departmentId=${own ? w.ids.departmentOwn : w.ids.departmentOther}`,
        }),
      },
    ];
  }),
];
