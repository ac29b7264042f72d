import { AccessWorld } from './access-world';
import { TestApp } from './test-app';

/** Incidents of the access world: "own" calls in the own department and crew, "other" only the other ones. */
export interface IncidentWorld {
  incidentOwn: string;
  incidentOther: string;
  playbookOwn: string;
}

let built: IncidentWorld | undefined;

function incidentWorld(): IncidentWorld {
  if (!built) throw new Error('buildIncidentWorld has not run');
  return built;
}

const step = (key: string, departmentId: string, after: string[] = []) => ({
  key,
  title: key,
  departmentId,
  durationMinutes: 30,
  dependsOn: after.map((s) => ({ step: s })),
  content: '',
  materials: [],
  tools: [],
  safetyNotes: '',
});

/** An incident opened by the admin: cable fire at the own location (both departments), or gas leak at the other (the other department only). */
async function openIncident(w: AccessWorld, own: boolean): Promise<string> {
  const response = await w.users.admin.post('/api/incidents').send({
    kind: own ? 'cable_fire' : 'gas_leak',
    severity: 'major',
    title: own ? '32号楼电缆起火' : '南八马路燃气泄漏',
    callerName: '住户',
    locationId: own ? w.ids.locationOwn : w.ids.locationOther,
  });
  if (response.status !== 201) throw new Error(`open incident: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/**
 * Adds to the access world: the cable-fire playbook (power = own department, then the other),
 * a gas-leak playbook of the other department only, each department's roster (its crew on duty),
 * and one incident of each.
 */
export async function buildIncidentWorld(t: TestApp, w: AccessWorld): Promise<IncidentWorld> {
  const admin = w.users.admin;
  const playbook = await admin.post('/api/playbooks').send({
    kind: 'cable_fire',
    name: '电缆着火应急预案',
    departmentIds: [],
    paperworkDepartmentId: w.ids.departmentOwn,
    steps: [step('power', w.ids.departmentOwn), step('telecom', w.ids.departmentOther, ['power'])],
  });
  await admin.post('/api/playbooks').send({
    kind: 'gas_leak',
    name: '燃气泄漏应急预案',
    departmentIds: [],
    paperworkDepartmentId: w.ids.departmentOther,
    steps: [step('gas', w.ids.departmentOther)],
  });
  await admin
    .put(`/api/on-call/${w.ids.departmentOwn}`)
    .send({ defaultCrewId: w.ids.crewOwn, shifts: [], dutyLeadPhone: '13900000001' });
  await admin.put(`/api/on-call/${w.ids.departmentOther}`).send({ defaultCrewId: w.ids.crewOther, shifts: [] });
  built = {
    playbookOwn: playbook.body.id,
    incidentOwn: await openIncident(w, true),
    incidentOther: await openIncident(w, false),
  };
  void t;
  return built;
}

interface IncidentRow {
  route: string;
  object: string;
  expect: string;
  target: (
    w: AccessWorld,
  ) => Promise<{ path: string; body?: Record<string, unknown> }> | { path: string; body?: Record<string, unknown> };
}

/** A water-main playbook to delete (made again when an earlier request deleted it). */
async function waterPlaybook(w: AccessWorld): Promise<string> {
  const found = await w.users.admin.get('/api/playbooks?kind=water_main_burst').expect(200);
  if (found.body.items[0]) return found.body.items[0].id;
  return w.create('/api/playbooks', {
    kind: 'water_main_burst',
    name: '供水主管爆裂应急预案',
    departmentIds: [],
    paperworkDepartmentId: w.ids.departmentOther,
    steps: [step('water', w.ids.departmentOther)],
  });
}

/**
 * Incident routes in the access matrix. Columns: anonymous admin coordinator contractor agency viewer.
 * Admins, coordinators and viewers see every incident; agencies and contractors those calling in
 * their department or crew. Admins and coordinators report, close and record residents' posts; the
 * called-in department's agency users and crew leads set its status too. Playbooks: admins keep
 * them, planners and viewers read them. Rosters: admins and coordinators keep them, agencies read their own.
 * (The SSE stream is covered in incidents.integration-spec.ts: a stream does not end.)
 */
export const INCIDENT_MATRIX: IncidentRow[] = [
  {
    route: 'GET /api/incidents',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/incidents' }),
  },
  {
    route: 'POST /api/incidents',
    object: 'cable fire at the own location',
    expect: '401 201 201 403 403 403',
    target: (w) => ({
      path: '/api/incidents',
      body: {
        kind: 'cable_fire',
        severity: 'minor',
        title: '电缆冒烟',
        callerName: '住户',
        locationId: w.ids.locationOwn,
      },
    }),
  },
  {
    route: 'GET /api/incidents/:id',
    object: 'own',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: `/api/incidents/${incidentWorld().incidentOwn}` }),
  },
  {
    route: 'GET /api/incidents/:id',
    object: 'other',
    expect: '401 200 200 404 404 200',
    target: () => ({ path: `/api/incidents/${incidentWorld().incidentOther}` }),
  },
  {
    route: 'GET /api/incidents/:id/report.pdf',
    object: 'own',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: `/api/incidents/${incidentWorld().incidentOwn}/report.pdf` }),
  },
  {
    route: 'GET /api/incidents/:id/report.pdf',
    object: 'other',
    expect: '401 200 200 404 404 200',
    target: () => ({ path: `/api/incidents/${incidentWorld().incidentOther}/report.pdf` }),
  },
  {
    route: 'POST /api/incidents/:id/departments/:departmentId/status',
    object: 'own department, fresh incident',
    expect: '401 200 200 200 200 403',
    target: async (w) => ({
      path: `/api/incidents/${await openIncident(w, true)}/departments/${w.ids.departmentOwn}/status`,
      body: { status: 'on_site' },
    }),
  },
  {
    route: 'POST /api/incidents/:id/departments/:departmentId/status',
    object: 'other department, fresh incident',
    expect: '401 200 200 404 404 403',
    target: async (w) => ({
      path: `/api/incidents/${await openIncident(w, false)}/departments/${w.ids.departmentOther}/status`,
      body: { status: 'on_site' },
    }),
  },
  {
    route: 'POST /api/incidents/:id/resident-posts',
    object: 'own',
    expect: '401 200 200 403 403 403',
    target: () => ({
      path: `/api/incidents/${incidentWorld().incidentOwn}/resident-posts`,
      body: { channel: '32号楼居民群' },
    }),
  },
  {
    route: 'POST /api/incidents/:id/close',
    object: 'own, paperwork open',
    expect: '401 409 409 403 403 403',
    target: () => ({ path: `/api/incidents/${incidentWorld().incidentOwn}/close`, body: {} }),
  },
  {
    route: 'POST /api/incidents/:id/close',
    object: 'other, paperwork open',
    expect: '401 409 409 404 404 403',
    target: () => ({ path: `/api/incidents/${incidentWorld().incidentOther}/close`, body: {} }),
  },
  {
    route: 'GET /api/playbooks',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/playbooks' }),
  },
  {
    route: 'GET /api/playbooks/:id',
    object: 'cable fire',
    expect: '401 200 200 404 404 200',
    target: () => ({ path: `/api/playbooks/${incidentWorld().playbookOwn}` }),
  },
  {
    route: 'POST /api/playbooks',
    object: 'road collapse',
    expect: '401 201 403 403 403 403',
    target: (w) => ({
      path: '/api/playbooks',
      body: {
        kind: 'road_collapse',
        name: '路面塌陷应急预案',
        departmentIds: [],
        paperworkDepartmentId: w.ids.departmentOwn,
        steps: [step('cordon', w.ids.departmentOwn)],
      },
    }),
  },
  {
    route: 'PATCH /api/playbooks/:id',
    object: 'cable fire',
    expect: '401 200 403 404 404 403',
    target: async (w) => {
      const path = `/api/playbooks/${incidentWorld().playbookOwn}`;
      return { path, body: { name: '电缆着火应急预案（修订）', version: await w.version(path) } };
    },
  },
  {
    route: 'DELETE /api/playbooks/:id',
    object: 'water main',
    expect: '401 204 403 404 404 403',
    target: async (w) => ({ path: `/api/playbooks/${await waterPlaybook(w)}` }),
  },
  {
    route: 'GET /api/on-call',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/on-call' }),
  },
  {
    route: 'GET /api/on-call/:departmentId',
    object: 'own department',
    expect: '401 200 200 404 200 200',
    target: (w) => ({ path: `/api/on-call/${w.ids.departmentOwn}` }),
  },
  {
    route: 'GET /api/on-call/:departmentId',
    object: 'other department',
    expect: '401 200 200 404 404 200',
    target: (w) => ({ path: `/api/on-call/${w.ids.departmentOther}` }),
  },
  {
    route: 'PUT /api/on-call/:departmentId',
    object: 'own department, same roster',
    expect: '401 200 200 404 403 403',
    target: async (w) => {
      const path = `/api/on-call/${w.ids.departmentOwn}`;
      return {
        path,
        body: {
          version: await w.version(path),
          defaultCrewId: w.ids.crewOwn,
          shifts: [],
          dutyLeadPhone: '13900000001',
        },
      };
    },
  },
];
