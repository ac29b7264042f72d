import { QUEUE_DASHBOARD_PATH, QueueDashboard } from '@worksite/notices-api';
import { Role } from '@worksite/shared-domain';
import fc from 'fast-check';
import { AccessWorld, Agent, buildAccessWorld } from '../testing/access-world';
import {
  bodyArbitrary,
  OpenApiDocument,
  pathParameterArbitrary,
  queryArbitrary,
  RawBody,
} from '../testing/fuzz-inputs';
import { buildNoticeWorld, NoticeWorld } from '../testing/notice-world';
import { buildIncidentWorld } from '../testing/incident-matrix';
import { createTestApp, TestApp } from '../testing/test-app';
import { databaseChecksum, openApiPath, RouterLayer, WriteRoute, writeRoutesOf } from '../testing/write-routes';

/**
 * Random input to every write route the router serves (auth, CRUD, actions on a path
 * parameter, DELETE), as every role and anonymously: the api never answers 5xx; every
 * refusal is the error shape with a message; a refused request writes nothing (checksum of
 * every table). Replay a failure with FUZZ_SEED=<the seed logged> (FUZZ_RUNS for more runs).
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 5);
const ROLES = ['admin', 'coordinator', 'contractor', 'agency', 'viewer', 'anonymous'] as const;
type RoleName = (typeof ROLES)[number];

/** Routes that answer people with a page rather than JSON (acknowledgement links opened from a notice). */
const HTML_ROUTES = new Set(['post /api/ack/:token', 'post /api/incident-ack/:token']);
/** The queue dashboard (bull-board), an express app mounted under the api. */
const DASHBOARD = /^\/api\/admin\/queues\//;
/** Routes kept out of the API document on purpose: acknowledgement pages and the queue dashboard. */
const UNDOCUMENTED = /^\/api\/(ack|incident-ack|admin\/queues)\//;
/** Routes that end the caller's session: each run gets a user of its own. */
const SESSION_ENDING = new Set(['post /api/auth/logout', 'post /api/auth/password']);

describe('fuzz: random input to every write route, as every role', () => {
  let t: TestApp;
  let w: AccessWorld;
  let notices: NoticeWorld;
  let docs: OpenApiDocument;
  let routes: WriteRoute[];
  let samples: Record<string, string[]>;
  let checksum: () => Promise<string>;

  beforeAll(async () => {
    console.info(`fuzz seed ${SEED}, ${RUNS} runs per route and role (replay: FUZZ_SEED=${SEED})`);
    t = await createTestApp();
    w = await buildAccessWorld(t);
    notices = await buildNoticeWorld(t, w);
    const incidents = await buildIncidentWorld(t, w);
    docs = (await t.anonymous.get('/api/docs-json').expect(200)).body;
    // Deletions last, so the rows the other routes aim at exist as long as possible.
    // The queue dashboard is an express app of its own, mounted under /api/admin/queues.
    const dashboard = t.app.get(QueueDashboard).adapter.getRouter() as { router: { stack: RouterLayer[] } };
    routes = writeRoutesOf(t.app, [{ prefix: `/api/${QUEUE_DASHBOARD_PATH}`, stack: dashboard.router.stack }]).sort(
      (a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'),
    );
    checksum = databaseChecksum(t.dataSource);
    const exception = await w.create('/api/calendar-exceptions', {
      calendarId: w.ids.calendar,
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
    });
    const blackout = await w.create('/api/blackout-windows', {
      calendarId: w.ids.calendar,
      startsAt: '2027-06-20T07:00:00+08:00',
      endsAt: '2027-06-21T18:00:00+08:00',
      reason: '中考',
    });
    const workStep = await w.create('/api/work-steps', { name: '拆除架空飞线', durationMinutes: 480 });
    // A power cut, whose announcement is drafted when the project's announcements are read.
    await w.create('/api/tasks', {
      projectId: w.ids.projectOwn,
      crewId: w.ids.crewOwn,
      title: '表箱改接停电',
      plannedStart: '2026-12-02T08:00:00+08:00',
      durationMinutes: 60,
      interruptionKind: 'power',
      interruptionStartsAt: '2026-12-02T08:00:00+08:00',
      interruptionEndsAt: '2026-12-02T09:00:00+08:00',
      interruptionLocationIds: [w.ids.locationOwn],
    });
    await t.http.get(`/api/projects/${w.ids.projectOwn}/announcements`).expect(200);
    const announcements = ((await t.dataSource.query('SELECT id FROM announcements')) as { id: string }[]).map(
      (row) => row.id,
    );
    const { ids } = w;
    // Make-ready constraints on the own and the other project's tasks (the own one owned by the agency's department).
    const constraints = [
      await w.create(`/api/tasks/${ids.taskOwn}/constraints`, {
        kind: 'materials',
        ownerDepartmentId: ids.departmentOwn,
      }),
      await w.create(`/api/tasks/${ids.taskOther}/constraints`, { kind: 'dig_permit' }),
    ];
    // Users the fuzz may change or delete: not the ones whose sessions the roles below use.
    const spareUsers = [
      await t.as({ role: Role.Viewer }),
      await t.as({ role: Role.Contractor, crewIds: [ids.crewOwn] }),
    ];
    // Rows each resource's `:id` may name: the caller's own, someone else's.
    samples = {
      users: spareUsers.map((user) => user.userId),
      departments: [ids.departmentOwn, ids.departmentOther],
      contractors: [ids.contractorOwn, ids.contractorOther],
      crews: [ids.crewOwn, ids.crewOther],
      'crew-channels': [ids.channelOwn, ids.channelOther],
      locations: [ids.locationOwn, ids.locationOther],
      calendars: [ids.calendar],
      'calendar-exceptions': [exception],
      'blackout-windows': [blackout],
      projects: [ids.projectOwn, ids.projectOther],
      tasks: [ids.taskOwn, ids.taskLinked, ids.taskOther],
      dependencies: [ids.linkOwn, ids.linkOther],
      'work-steps': [workStep],
      announcements,
      constraints,
      notices: [notices.noticeOwn, notices.noticeOther],
      'notice-runs': [notices.runOwn, notices.runOther],
      ack: ['x'.repeat(43), 'not-a-token'],
      // Incidents (their :departmentId too), playbooks, on-call rosters (by department), call-out links.
      incidents: [incidents.incidentOwn, incidents.incidentOther, ids.departmentOwn, ids.departmentOther],
      playbooks: [incidents.playbookOwn],
      'on-call': [ids.departmentOwn, ids.departmentOther],
      'incident-ack': ['x'.repeat(43), 'not-a-token'],
      // Change sets of the writes above (the admin's: undone, they take those rows away).
      'change-sets': (
        (await t.dataSource.query('SELECT id FROM change_sets ORDER BY at DESC LIMIT 2')) as { id: string }[]
      ).map((row) => row.id),
      // The queue dashboard's :queueName and :jobId.
      admin: ['notices', 'system', '1'],
    };
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const key = (route: WriteRoute) => `${route.method} ${route.path}`;
  const resourceOf = (route: WriteRoute) => route.path.split('/')[2];
  const allIds = () => Object.values(samples).flat();

  /** How each part of a request to `route` is generated; a route nothing can generate fails the test. */
  function inputs(route: WriteRoute) {
    const operation = docs.paths[openApiPath(route.path)]?.[route.method];
    if (!operation && !UNDOCUMENTED.test(route.path)) throw new Error(`${key(route)} is not in the API document`);
    const parameters = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
    const pathValues = parameters.map((name) => {
      const known = samples[resourceOf(route)];
      if (!known?.length) throw new Error(`no generator for ${key(route)}: no sample rows for its :${name}`);
      return pathParameterArbitrary(known);
    });
    return fc.record({
      path: fc
        .tuple(...pathValues)
        .map((values) =>
          values.reduce<string>((path, value) => path.replace(/:\w+/, encodeURIComponent(value)), route.path),
        ),
      query: queryArbitrary(operation, allIds()),
      body: bodyArbitrary(operation, docs, allIds()),
    });
  }

  /**
   * How a refusal of `route` must look: the error shape with a Chinese message (no
   * Accept-Language); or the acknowledgement page crews open from a link; or, for what passes
   * our middleware into the queue dashboard, bull-board's own shape that its UI reads.
   */
  function expectedRefusal(route: WriteRoute, response: { status: number; type: string; body: unknown }) {
    if (HTML_ROUTES.has(key(route)) && response.type === 'text/html') {
      return { type: 'text/html', refusal: { page: expect.stringMatching(/<html/i) } };
    }
    const ours = typeof response.body === 'object' && response.body !== null && 'statusCode' in response.body;
    if (DASHBOARD.test(route.path) && !ours) {
      return { type: 'application/json', refusal: expect.objectContaining({ error: expect.anything() }) };
    }
    const refusal = expect.objectContaining({
      statusCode: response.status,
      code: expect.stringMatching(/^[a-z_]+$/),
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
    return { type: 'application/json', refusal };
  }

  async function agentFor(route: WriteRoute, role: RoleName): Promise<Agent | TestApp['anonymous']> {
    if (role === 'anonymous') return t.anonymous;
    if (SESSION_ENDING.has(key(route))) {
      // An earlier role's run may have deleted the project (its tasks deleted first): a user without it then.
      const [project] = await t.dataSource.query('SELECT 1 FROM projects WHERE id = $1', [w.ids.projectOwn]);
      return t.as({ role: role as Role, projectIds: project ? [w.ids.projectOwn] : [] });
    }
    return w.users[role];
  }

  it('finds the write routes of every kind in the router', () => {
    const keys = routes.map(key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'post /api/auth/login',
        'post /api/auth/refresh',
        'post /api/auth/password',
        'post /api/auth/logout',
        'post /api/tasks',
        'patch /api/tasks/:id',
        'delete /api/tasks/:id',
        'delete /api/users/:id',
        'post /api/notices/:id/resend',
        'post /api/notices/:id/acknowledge',
        'post /api/projects/:id/recompute',
        'post /api/notice-runs',
        'post /api/ack/:token',
        'put /api/admin/queues/api/queues/:queueName/pause',
      ]),
    );
    expect(routes.length).toBeGreaterThanOrEqual(40);
    // Every route has its generators (this throws, naming the route, where one is missing).
    for (const route of routes) expect(inputs(route)).toBeDefined();
  });

  describe.each(ROLES)('as %s', (role) => {
    it('never answers 5xx, refuses in the error shape with a message, and writes nothing when refusing', async () => {
      let run = 0;
      const statuses: Record<number, number> = {};
      for (const route of routes) {
        const seed = SEED + run++;
        await fc.assert(
          fc.asyncProperty(inputs(route), async ({ path, query, body }) => {
            const agent = await agentFor(route, role);
            const before = await checksum();
            const url = query ? `${path}?${query}` : path;
            let request = agent[route.method](url);
            if (body instanceof RawBody) request = request.set('Content-Type', 'application/json').send(body.text);
            else if (body !== undefined)
              request = request.set('Content-Type', 'application/json').send(JSON.stringify(body));
            const response = await request;
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            const what = `${route.method.toUpperCase()} ${url} as ${role} (seed ${seed}) with ${JSON.stringify(body)}`;
            if (response.status >= 500) throw new Error(`${what} answered ${response.status} ${response.text}`);
            if (response.status < 400) return;
            const refusal = response.type === 'text/html' ? { page: response.text } : response.body;
            expect({ what, type: response.type, refusal }).toEqual({ what, ...expectedRefusal(route, response) });
            expect({ what, unchanged: (await checksum()) === before }).toEqual({ what, unchanged: true });
          }),
          { numRuns: RUNS, seed },
        );
      }
      console.info(`fuzz as ${role}: answers by status ${JSON.stringify(statuses)}`);
      // Whoever asks, some inputs get as far as the validation.
      expect(statuses[400]).toBeGreaterThan(0);
    }, 120_000);
  });
});
