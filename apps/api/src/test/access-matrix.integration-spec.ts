import { randomBytes, randomUUID } from 'node:crypto';
import { AccessWorld, Agent, buildAccessWorld } from '../testing/access-world';
import { buildNoticeWorld, NOTICE_MATRIX } from '../testing/notice-world';
import { TRIAGE_MATRIX } from '../testing/triage-matrix';
import { TASK_ACTION_MATRIX } from '../testing/task-actions-matrix';
import { UNDO_MATRIX } from '../testing/undo-matrix';
import { EXCHANGE_MATRIX } from '../testing/exchange-matrix';
import { IMPORT_MATRIX } from '../testing/import-matrix';
import { buildIncidentWorld, INCIDENT_MATRIX } from '../testing/incident-matrix';
import { ANNOUNCEMENT_MATRIX } from '../testing/announcement-matrix';
import { MAKE_READY_MATRIX } from '../testing/make-ready-matrix';
import { createTestApp, TestApp } from '../testing/test-app';

/**
 * The access matrix: for every route, role and object (own / other), the status the API
 * must answer. Generated from the one table below; a route the API serves that the table
 * does not cover fails the completeness test, so no endpoint ships without a rule.
 *
 * Columns of each expectation: anonymous admin coordinator contractor agency viewer.
 */
const ROLES = ['anonymous', 'admin', 'coordinator', 'contractor', 'agency', 'viewer'] as const;
type RoleName = (typeof ROLES)[number];

type Json = Record<string, unknown>;
interface Target {
  path: string;
  body?: Json;
}
interface Row {
  route: string;
  object: string;
  expect: string;
  /** Builds the request just before it is sent (fresh rows for deletes, current versions for patches). */
  target: (w: AccessWorld, role: RoleName) => Promise<Target> | Target;
}

/** Routes tested in their own files (they end sessions or need a body a matrix cannot share). */
const COVERED_ELSEWHERE = ['POST /api/auth/logout', 'POST /api/auth/password', 'GET /api/incidents/:id/stream'];
/** Routes open to everybody. */
const PUBLIC_ROUTES = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/refresh'];

const unique = () => randomBytes(4).toString('hex');
let days = 0;
/** A different local date for every holiday made (they are unique per calendar). */
const nextDate = () => new Date(Date.UTC(2028, 0, 1 + days++)).toISOString().slice(0, 10);
const patch = (path: string, body: Json) => async (w: AccessWorld) => ({
  path,
  body: { ...body, version: await w.version(path) },
});
const patchId = (pick: (w: AccessWorld) => string, base: string, body: Json) => async (w: AccessWorld) =>
  patch(`${base}/${pick(w)}`, body)(w);
const fresh = (base: string, body: (w: AccessWorld) => Json) => async (w: AccessWorld) => ({
  path: `${base}/${await w.create(base, body(w))}`,
});
const taskBody = (w: AccessWorld, projectId: string, crewId: string) => ({
  projectId,
  crewId,
  title: `任务${unique()}`,
  plannedStart: '2026-12-02T08:00:00+08:00',
  durationMinutes: 60,
});

/** A new task of the own project and crew (as the admin), optionally in a status, and a patch of it. */
const freshTaskPatch =
  (body: Json, status?: string) =>
  async (w: AccessWorld): Promise<Target> => {
    const path = `/api/tasks/${await w.create('/api/tasks', taskBody(w, w.ids.projectOwn, w.ids.crewOwn))}`;
    if (status)
      await w.users.admin
        .patch(path)
        .send({ status, version: await w.version(path) })
        .expect(200);
    return patch(path, body)(w);
  };

/** CRUD rows of shared reference data: everyone reads, admins and coordinators write, only admins delete. */
function referenceRows(
  base: string,
  createBody: (w: AccessWorld) => Json,
  own: (w: AccessWorld) => string,
  change: Json,
): Row[] {
  return [
    { route: `GET ${base}`, object: 'list', expect: '401 200 200 200 200 200', target: () => ({ path: base }) },
    {
      route: `GET ${base}/:id`,
      object: 'any',
      expect: '401 200 200 200 200 200',
      target: (w) => ({ path: `${base}/${own(w)}` }),
    },
    {
      route: `POST ${base}`,
      object: 'new',
      expect: '401 201 201 403 403 403',
      target: (w) => ({ path: base, body: createBody(w) }),
    },
    {
      route: `PATCH ${base}/:id`,
      object: 'any',
      expect: '401 200 200 403 403 403',
      target: patchId(own, base, change),
    },
    {
      route: `DELETE ${base}/:id`,
      object: 'fresh',
      expect: '401 204 403 403 403 403',
      target: fresh(base, createBody),
    },
  ];
}

const ACCESS_MATRIX: Row[] = [
  ...referenceRows(
    '/api/departments',
    () => ({ kind: 'water', name: `水务${unique()}` }),
    (w) => w.ids.departmentOwn,
    { color: '#123456' },
  ),
  ...referenceRows(
    '/api/calendars',
    () => ({ name: `日历${unique()}` }),
    (w) => w.ids.calendar,
    { name: `施工日历${unique()}` },
  ),
  {
    route: 'GET /api/calendar-exceptions',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/calendar-exceptions' }),
  },
  {
    route: 'GET /api/blackout-windows',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/blackout-windows' }),
  },

  // Contractors and crews: agencies see their department's, contractors their own.
  {
    route: 'GET /api/contractors',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/contractors' }),
  },
  {
    route: 'GET /api/contractors/:id',
    object: 'own',
    expect: '401 200 200 200 200 200',
    target: (w) => ({ path: `/api/contractors/${w.ids.contractorOwn}` }),
  },
  {
    route: 'GET /api/contractors/:id',
    object: 'other',
    expect: '401 200 200 404 404 200',
    target: (w) => ({ path: `/api/contractors/${w.ids.contractorOther}` }),
  },
  {
    route: 'POST /api/contractors',
    object: 'new',
    expect: '401 201 201 403 403 403',
    target: (w) => ({
      path: '/api/contractors',
      body: { name: `承包商${unique()}`, departmentId: w.ids.departmentOwn },
    }),
  },
  {
    route: 'PATCH /api/contractors/:id',
    object: 'own',
    expect: '401 200 200 403 403 403',
    target: patchId((w) => w.ids.contractorOwn, '/api/contractors', { contactName: '赵国庆' }),
  },
  {
    route: 'PATCH /api/contractors/:id',
    object: 'other',
    expect: '401 200 200 404 404 403',
    target: patchId((w) => w.ids.contractorOther, '/api/contractors', { contactName: '郑宏伟' }),
  },
  {
    route: 'DELETE /api/contractors/:id',
    object: 'fresh, own department',
    expect: '401 204 403 404 403 403',
    target: fresh('/api/contractors', (w) => ({ name: `承包商${unique()}`, departmentId: w.ids.departmentOwn })),
  },

  {
    route: 'GET /api/crews',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/crews' }),
  },
  {
    route: 'GET /api/crews/:id',
    object: 'own',
    expect: '401 200 200 200 200 200',
    target: (w) => ({ path: `/api/crews/${w.ids.crewOwn}` }),
  },
  {
    route: 'GET /api/crews/:id',
    object: 'other',
    expect: '401 200 200 404 404 200',
    target: (w) => ({ path: `/api/crews/${w.ids.crewOther}` }),
  },
  {
    route: 'POST /api/crews',
    object: 'new',
    expect: '401 201 201 403 403 403',
    target: (w) => ({
      path: '/api/crews',
      body: { name: `班组${unique()}`, contractorId: w.ids.contractorOwn, leaderName: '李强' },
    }),
  },
  {
    route: 'PATCH /api/crews/:id',
    object: 'own',
    expect: '401 200 200 403 403 403',
    target: patchId((w) => w.ids.crewOwn, '/api/crews', { leaderPhone: '13800000000' }),
  },
  {
    route: 'PATCH /api/crews/:id',
    object: 'other',
    expect: '401 200 200 404 404 403',
    target: patchId((w) => w.ids.crewOther, '/api/crews', { leaderPhone: '13800000001' }),
  },
  {
    route: 'DELETE /api/crews/:id',
    object: 'fresh, own contractor',
    expect: '401 204 403 404 403 403',
    target: fresh('/api/crews', (w) => ({
      name: `班组${unique()}`,
      contractorId: w.ids.contractorOwn,
      leaderName: '李强',
    })),
  },

  // Channels hold contact details: coordinators (who send notices) and the crew itself.
  {
    route: 'GET /api/crew-channels',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/crew-channels' }),
  },
  {
    route: 'GET /api/crew-channels/:id',
    object: 'own',
    expect: '401 200 200 200 404 404',
    target: (w) => ({ path: `/api/crew-channels/${w.ids.channelOwn}` }),
  },
  {
    route: 'GET /api/crew-channels/:id',
    object: 'other',
    expect: '401 200 200 404 404 404',
    target: (w) => ({ path: `/api/crew-channels/${w.ids.channelOther}` }),
  },
  {
    route: 'POST /api/crew-channels',
    object: 'new',
    expect: '401 201 201 403 403 403',
    target: (w) => ({
      path: '/api/crew-channels',
      body: { crewId: w.ids.crewOwn, kind: 'email', address: `x${unique()}@example.com` },
    }),
  },
  {
    route: 'PATCH /api/crew-channels/:id',
    object: 'own',
    expect: '401 200 200 403 404 404',
    target: patchId((w) => w.ids.channelOwn, '/api/crew-channels', { enabled: true }),
  },
  {
    route: 'DELETE /api/crew-channels/:id',
    object: 'fresh, own crew',
    expect: '401 204 403 403 404 404',
    target: fresh('/api/crew-channels', (w) => ({
      crewId: w.ids.crewOwn,
      kind: 'email',
      address: `y${unique()}@example.com`,
    })),
  },

  // Locations: contractors see where they work.
  {
    route: 'GET /api/locations',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/locations' }),
  },
  {
    route: 'GET /api/locations/:id',
    object: 'own',
    expect: '401 200 200 200 200 200',
    target: (w) => ({ path: `/api/locations/${w.ids.locationOwn}` }),
  },
  {
    route: 'GET /api/locations/:id',
    object: 'other',
    expect: '401 200 200 404 200 200',
    target: (w) => ({ path: `/api/locations/${w.ids.locationOther}` }),
  },
  {
    route: 'POST /api/locations',
    object: 'new',
    expect: '401 201 201 403 403 403',
    target: () => ({ path: '/api/locations', body: { kind: 'compound', name: `小区${unique()}` } }),
  },
  {
    route: 'PATCH /api/locations/:id',
    object: 'own',
    expect: '401 200 200 403 403 403',
    target: patchId((w) => w.ids.locationOwn, '/api/locations', { households: 48 }),
  },
  {
    route: 'PATCH /api/locations/:id',
    object: 'other',
    expect: '401 200 200 404 403 403',
    target: patchId((w) => w.ids.locationOther, '/api/locations', { households: 60 }),
  },
  {
    route: 'DELETE /api/locations/:id',
    object: 'fresh',
    expect: '401 204 403 404 403 403',
    target: fresh('/api/locations', () => ({ kind: 'compound', name: `小区${unique()}` })),
  },

  // Projects: coordinators their own; agencies and contractors those they work in.
  {
    route: 'GET /api/projects',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/projects' }),
  },
  {
    route: 'GET /api/projects/:id',
    object: 'own',
    expect: '401 200 200 200 200 200',
    target: (w) => ({ path: `/api/projects/${w.ids.projectOwn}` }),
  },
  {
    route: 'GET /api/projects/:id',
    object: 'other',
    expect: '401 200 404 404 404 200',
    target: (w) => ({ path: `/api/projects/${w.ids.projectOther}` }),
  },
  {
    route: 'POST /api/projects',
    object: 'new',
    expect: '401 201 201 403 403 403',
    target: (w) => ({
      path: '/api/projects',
      body: { code: `N${unique()}`, name: '新项目', calendarId: w.ids.calendar, startDate: '2027-01-04' },
    }),
  },
  {
    route: 'PATCH /api/projects/:id',
    object: 'own',
    expect: '401 200 200 403 403 403',
    target: patchId((w) => w.ids.projectOwn, '/api/projects', { coordinatorName: '甄鸿波' }),
  },
  {
    route: 'PATCH /api/projects/:id',
    object: 'other',
    expect: '401 200 404 404 404 403',
    target: patchId((w) => w.ids.projectOther, '/api/projects', { coordinatorName: '某某' }),
  },
  {
    route: 'DELETE /api/projects/:id',
    object: 'fresh, nobody’s',
    expect: '401 204 404 404 404 403',
    target: fresh('/api/projects', (w) => ({
      code: `D${unique()}`,
      name: '空项目',
      calendarId: w.ids.calendar,
      startDate: '2027-01-04',
    })),
  },

  // Tasks: the heart of the rules.
  {
    route: 'GET /api/tasks',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/tasks' }),
  },
  {
    route: 'GET /api/tasks/:id',
    object: 'own',
    expect: '401 200 200 200 200 200',
    target: (w) => ({ path: `/api/tasks/${w.ids.taskOwn}` }),
  },
  {
    route: 'GET /api/tasks/:id',
    object: 'linked to own',
    expect: '401 200 200 404 200 200',
    target: (w) => ({ path: `/api/tasks/${w.ids.taskLinked}` }),
  },
  {
    route: 'GET /api/tasks/:id',
    object: 'other',
    expect: '401 200 404 404 404 200',
    target: (w) => ({ path: `/api/tasks/${w.ids.taskOther}` }),
  },
  {
    route: 'POST /api/tasks',
    object: 'in own project',
    expect: '401 201 201 403 403 403',
    target: (w) => ({ path: '/api/tasks', body: taskBody(w, w.ids.projectOwn, w.ids.crewOwn) }),
  },
  // A project the user cannot see is answered as a missing one: 404.
  {
    route: 'POST /api/tasks',
    object: 'in other project',
    expect: '401 201 404 404 404 403',
    target: (w) => ({ path: '/api/tasks', body: taskBody(w, w.ids.projectOther, w.ids.crewOther) }),
  },
  {
    route: 'POST /api/tasks',
    object: 'in a missing project',
    expect: '401 404 404 404 404 404',
    target: (w) => ({ path: '/api/tasks', body: taskBody(w, randomUUID(), w.ids.crewOwn) }),
  },
  {
    route: 'PATCH /api/tasks/:id',
    object: 'own (progress)',
    expect: '401 200 200 200 200 403',
    target: patchId((w) => w.ids.taskOwn, '/api/tasks', { progress: 30 }),
  },
  // Crews and agencies report start and done on their tasks; cancelling (and reopening) is the coordinators'.
  {
    route: 'PATCH /api/tasks/:id',
    object: 'fresh own (start)',
    expect: '401 200 200 200 200 403',
    target: freshTaskPatch({ status: 'in_progress', progress: 10 }),
  },
  {
    route: 'PATCH /api/tasks/:id',
    object: 'fresh own (done)',
    expect: '401 200 200 200 200 403',
    target: freshTaskPatch({ status: 'done', progress: 100 }),
  },
  {
    route: 'PATCH /api/tasks/:id',
    object: 'fresh own (cancel)',
    expect: '401 200 200 403 403 403',
    target: freshTaskPatch({ status: 'cancelled' }),
  },
  {
    route: 'PATCH /api/tasks/:id',
    object: 'fresh own, cancelled (reopen)',
    expect: '401 200 200 403 403 403',
    target: freshTaskPatch({ status: 'planned' }, 'cancelled'),
  },
  {
    route: 'PATCH /api/tasks/:id',
    object: 'linked (progress)',
    expect: '401 200 200 404 403 403',
    target: patchId((w) => w.ids.taskLinked, '/api/tasks', { progress: 30 }),
  },
  {
    route: 'PATCH /api/tasks/:id',
    object: 'other (progress)',
    expect: '401 200 404 404 404 403',
    target: patchId((w) => w.ids.taskOther, '/api/tasks', { progress: 30 }),
  },
  {
    route: 'DELETE /api/tasks/:id',
    object: 'fresh own',
    expect: '401 204 204 403 403 403',
    target: fresh('/api/tasks', (w) => taskBody(w, w.ids.projectOwn, w.ids.crewOwn)),
  },
  {
    route: 'DELETE /api/tasks/:id',
    object: 'fresh other',
    expect: '401 204 404 404 404 403',
    target: fresh('/api/tasks', (w) => taskBody(w, w.ids.projectOther, w.ids.crewOther)),
  },

  {
    route: 'GET /api/dependencies',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/dependencies' }),
  },
  {
    route: 'GET /api/dependencies/:id',
    object: 'own',
    expect: '401 200 200 200 200 200',
    target: (w) => ({ path: `/api/dependencies/${w.ids.linkOwn}` }),
  },
  {
    route: 'GET /api/dependencies/:id',
    object: 'other',
    expect: '401 200 404 404 404 200',
    target: (w) => ({ path: `/api/dependencies/${w.ids.linkOther}` }),
  },
  {
    route: 'POST /api/dependencies',
    object: 'between own tasks',
    expect: '401 201 201 403 403 403',
    target: async (w) => ({
      path: '/api/dependencies',
      body: {
        predecessorId: await w.create('/api/tasks', taskBody(w, w.ids.projectOwn, w.ids.crewOwn)),
        successorId: await w.create('/api/tasks', taskBody(w, w.ids.projectOwn, w.ids.crewOwn)),
      },
    }),
  },
  {
    route: 'PATCH /api/dependencies/:id',
    object: 'own',
    expect: '401 200 200 403 403 403',
    target: patchId((w) => w.ids.linkOwn, '/api/dependencies', { lagMinutes: 30 }),
  },
  {
    route: 'PATCH /api/dependencies/:id',
    object: 'other',
    expect: '401 200 404 404 404 403',
    target: patchId((w) => w.ids.linkOther, '/api/dependencies', { lagMinutes: 30 }),
  },
  {
    route: 'DELETE /api/dependencies/:id',
    object: 'fresh own',
    expect: '401 204 204 403 403 403',
    target: async (w) => ({
      path: `/api/dependencies/${await w.create('/api/dependencies', {
        predecessorId: await w.create('/api/tasks', taskBody(w, w.ids.projectOwn, w.ids.crewOwn)),
        successorId: await w.create('/api/tasks', taskBody(w, w.ids.projectOwn, w.ids.crewOwn)),
      })}`,
    }),
  },
  // Replacing a task's predecessors (the table's column): the project's planners.
  {
    route: 'PUT /api/tasks/:id/predecessors',
    object: 'fresh own',
    expect: '401 200 200 403 403 403',
    target: async (w) => ({
      path: `/api/tasks/${await w.create('/api/tasks', taskBody(w, w.ids.projectOwn, w.ids.crewOwn))}/predecessors`,
      body: { predecessors: [] },
    }),
  },
  {
    route: 'PUT /api/tasks/:id/predecessors',
    object: 'fresh other',
    expect: '401 200 404 404 404 403',
    target: async (w) => ({
      path: `/api/tasks/${await w.create('/api/tasks', taskBody(w, w.ids.projectOther, w.ids.crewOther))}/predecessors`,
      body: { predecessors: [] },
    }),
  },

  // Accounts: administrators manage them; everybody reads only themselves.
  {
    route: 'GET /api/users',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/users' }),
  },
  {
    route: 'GET /api/users/:id',
    object: 'other user',
    expect: '401 200 404 404 404 404',
    target: (w) => ({ path: `/api/users/${w.users.admin.userId}` }),
  },
  {
    route: 'POST /api/users',
    object: 'new',
    expect: '401 201 403 403 403 403',
    target: () => ({
      path: '/api/users',
      body: { username: `u${unique()}`, displayName: '新用户', password: 'a-long-password', role: 'viewer' },
    }),
  },
  {
    route: 'PATCH /api/users/:id',
    object: 'self',
    expect: '401 200 403 403 403 403',
    target: (w, role) =>
      patch(`/api/users/${w.users[role === 'anonymous' ? 'admin' : role].userId}`, { displayName: '改名' })(w),
  },
  {
    route: 'DELETE /api/users/:id',
    object: 'fresh other user',
    expect: '401 204 404 404 404 404',
    target: fresh('/api/users', () => ({
      username: `d${unique()}`,
      displayName: '待删',
      password: 'a-long-password',
      role: 'viewer',
    })),
  },

  {
    route: 'GET /api/audit',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/audit' }),
  },
  {
    route: 'GET /api/auth/me',
    object: 'self',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/auth/me' }),
  },

  // Scheduling: whoever sees the project reads its schedule (limited to the tasks they see);
  // only its coordinators and admins apply a recompute.
  ...['schedule', 'critical-path', 'conflicts'].flatMap((what): Row[] => [
    {
      route: `GET /api/projects/:id/${what}`,
      object: 'own project',
      expect: '401 200 200 200 200 200',
      target: (w) => ({ path: `/api/projects/${w.ids.projectOwn}/${what}` }),
    },
    {
      route: `GET /api/projects/:id/${what}`,
      object: 'other project',
      expect: '401 200 404 404 404 200',
      target: (w) => ({ path: `/api/projects/${w.ids.projectOther}/${what}` }),
    },
  ]),
  {
    route: 'POST /api/projects/:id/recompute',
    object: 'own project, dry run',
    expect: '401 200 200 200 200 200',
    target: (w) => ({ path: `/api/projects/${w.ids.projectOwn}/recompute`, body: {} }),
  },
  {
    route: 'POST /api/projects/:id/recompute',
    object: 'own project, apply',
    expect: '401 200 200 403 403 403',
    target: (w) => ({ path: `/api/projects/${w.ids.projectOwn}/recompute`, body: { apply: true } }),
  },
  {
    route: 'POST /api/projects/:id/recompute',
    object: 'other project, apply',
    expect: '401 200 404 404 404 403',
    target: (w) => ({ path: `/api/projects/${w.ids.projectOther}/recompute`, body: { apply: true } }),
  },
  {
    route: 'GET /api/tasks/:id/chain',
    object: 'own',
    expect: '401 200 200 200 200 200',
    target: (w) => ({ path: `/api/tasks/${w.ids.taskOwn}/chain` }),
  },
  {
    route: 'GET /api/tasks/:id/chain',
    object: 'linked',
    expect: '401 200 200 404 200 200',
    target: (w) => ({ path: `/api/tasks/${w.ids.taskLinked}/chain` }),
  },
  {
    route: 'GET /api/tasks/:id/chain',
    object: 'other',
    expect: '401 200 404 404 404 200',
    target: (w) => ({ path: `/api/tasks/${w.ids.taskOther}/chain` }),
  },
];

// Holidays and blackouts: reference data whose objects are made per row (dates must stay unique).
for (const [base, body] of [
  [
    '/api/calendar-exceptions',
    (w: AccessWorld) => ({
      calendarId: w.ids.calendar,
      date: nextDate(),
      kind: 'holiday',
      name: '假日',
    }),
  ],
  [
    '/api/blackout-windows',
    (w: AccessWorld) => ({
      calendarId: w.ids.calendar,
      startsAt: '2027-06-07T00:00:00+08:00',
      endsAt: '2027-06-09T18:00:00+08:00',
      reason: `高考${unique()}`,
    }),
  ],
] as const) {
  const change = base === '/api/calendar-exceptions' ? { name: '节日' } : { reason: '中考' };
  ACCESS_MATRIX.push(
    { route: `GET ${base}/:id`, object: 'any', expect: '401 200 200 200 200 200', target: fresh(base, body) },
    {
      route: `POST ${base}`,
      object: 'new',
      expect: '401 201 201 403 403 403',
      target: (w) => ({ path: base, body: body(w) }),
    },
    {
      route: `PATCH ${base}/:id`,
      object: 'any',
      expect: '401 200 200 403 403 403',
      target: async (w) => patch((await fresh(base, body)(w)).path, change)(w),
    },
    { route: `DELETE ${base}/:id`, object: 'fresh', expect: '401 204 403 403 403 403', target: fresh(base, body) },
  );
}

// Nightly notices: runs, notices, deliveries, escalations and the queue dashboard (see notice-world.ts).
ACCESS_MATRIX.push(...NOTICE_MATRIX);
// Conflict decisions and baselines (see triage-matrix.ts).
ACCESS_MATRIX.push(...TRIAGE_MATRIX);
// Standard work steps and bulk task edits (see task-actions-matrix.ts).
ACCESS_MATRIX.push(...TASK_ACTION_MATRIX);
// Undo and redo of change sets (see undo-matrix.ts).
ACCESS_MATRIX.push(...UNDO_MATRIX);
// Calendar feeds, exports and the community import (see exchange-matrix.ts).
ACCESS_MATRIX.push(...EXCHANGE_MATRIX);
// Bulk imports of tasks and links (see import-matrix.ts).
ACCESS_MATRIX.push(...IMPORT_MATRIX);
// Incidents, playbooks and on-call rosters (see incident-matrix.ts).
ACCESS_MATRIX.push(...INCIDENT_MATRIX);
// Resident announcements and the buildings' robots (see announcement-matrix.ts).
ACCESS_MATRIX.push(...ANNOUNCEMENT_MATRIX);
// Make-ready constraints, readiness, look-ahead and the agencies' blocks (see make-ready-matrix.ts).
ACCESS_MATRIX.push(...MAKE_READY_MATRIX);

describe('access matrix: role × route × object', () => {
  let t: TestApp;
  let world: AccessWorld;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildAccessWorld(t);
    await buildNoticeWorld(t, world);
    await buildIncidentWorld(t, world);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('has a rule for every route the API serves', async () => {
    const docs = await t.anonymous.get('/api/docs-json').expect(200);
    const served = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const covered = new Set([...ACCESS_MATRIX.map((row) => row.route), ...PUBLIC_ROUTES, ...COVERED_ELSEWHERE]);
    const missing = served.filter((route) => !covered.has(route));
    expect(missing).toEqual([]); // add a row to ACCESS_MATRIX in apps/api/src/test/access-matrix.integration-spec.ts
  });

  it('answers every public route without a token', async () => {
    await t.anonymous.get('/api/health').expect(200);
    await t.anonymous.post('/api/auth/login').send({ username: 'nobody', password: 'wrong' }).expect(401);
    await t.anonymous.post('/api/auth/refresh').send({}).expect(401);
  });

  const cases = ACCESS_MATRIX.flatMap((row) =>
    ROLES.map((role, index) => ({ ...row, role, status: Number(row.expect.split(' ')[index]) })),
  );

  it.each(cases)('$route ($object) as $role → $status', async ({ route, role, status, target }) => {
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const { path, body } = await target(world, role);
    const agent: Agent | TestApp['anonymous'] = role === 'anonymous' ? t.anonymous : world.users[role];
    const request = agent[method](path);
    const response = await (body ? request.send(body) : request);
    if (response.status !== status) {
      throw new Error(
        `${route} (${path}) as ${role}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    if (status === 404) expect(response.body.message).not.toMatch(/forbidden|not allowed|permission|无权|不允许|权限/i);
  });

  /** Every crew phone and e-mail address stored (crews, contractors, channels, deliveries). */
  const contactData = async (): Promise<string[]> => {
    const rows: { value: string }[] = await t.dataSource.query(
      `SELECT leader_phone AS value FROM crews WHERE leader_phone IS NOT NULL
       UNION SELECT contact_phone FROM contractors WHERE contact_phone IS NOT NULL
       UNION SELECT address FROM crew_channels WHERE kind IN ('email', 'sms')
       UNION SELECT address FROM deliveries WHERE kind IN ('email', 'sms')`,
    );
    return rows.map((row) => row.value);
  };
  const readRows = ACCESS_MATRIX.filter((row) => row.route.startsWith('GET '));
  /** The raw bodies of every read route of the matrix, as one role. */
  const everythingReadBy = async (role: RoleName): Promise<string> => {
    const bodies: string[] = [];
    for (const row of readRows) {
      const { path } = await row.target(world, role);
      bodies.push((await world.users[role as Exclude<RoleName, 'anonymous'>].get(path)).text);
    }
    return bodies.join('\n');
  };

  it("shows no crew's e-mail address or phone number to viewers and agencies, in any response", async () => {
    const contacts = await contactData();
    expect(contacts).toEqual(expect.arrayContaining(['024-23410001', 'c1@example.com', '13912349001']));
    for (const role of ['viewer', 'agency'] as const) {
      const seen = await everythingReadBy(role);
      expect({ role, leaked: contacts.filter((value) => seen.includes(value)) }).toEqual({ role, leaked: [] });
    }
  });

  it("still shows them to admins and coordinators, and its own crew's to the crew lead", async () => {
    const contacts = await contactData();
    for (const role of ['admin', 'coordinator'] as const) {
      const seen = await everythingReadBy(role);
      expect({ role, hidden: contacts.filter((value) => !seen.includes(value)) }).toEqual({ role, hidden: [] });
    }
    const [own] = await t.dataSource.query(
      `SELECT c.leader_phone, k.contact_phone,
              ARRAY(SELECT address FROM crew_channels WHERE crew_id = c.id) AS addresses
         FROM crews c JOIN contractors k ON k.id = c.contractor_id WHERE c.id = $1`,
      [world.ids.crewOwn],
    );
    const [other] = await t.dataSource.query('SELECT leader_phone FROM crews WHERE id = $1', [world.ids.crewOther]);
    const lead = await everythingReadBy('contractor');
    const expected = [own.leader_phone, own.contact_phone, ...own.addresses];
    expect(expected.filter((value) => !lead.includes(value))).toEqual([]);
    expect(lead.includes(other.leader_phone)).toBe(false);
  });
});
