import { NoticeRunsService, NoticeStore } from '@worksite/notices-data-access';
import { NoticeRunTrigger } from '@worksite/shared-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { AccessWorld } from './access-world';
import { TestApp } from './test-app';

/** Runs and notices of the access world: "own" in the coordinator's project and the contractor's crew. */
export interface NoticeWorld {
  runOwn: string;
  runOther: string;
  noticeOwn: string;
  noticeOther: string;
}

let built: NoticeWorld | undefined;

/** The notice objects the access matrix needs (built once per test file, after the access world). */
export function noticeWorld(): NoticeWorld {
  if (!built) throw new Error('buildNoticeWorld has not run');
  return built;
}

/**
 * Adds to the access world: crew C1's notice of 2026-12-01 (run of P1), a third crew working
 * only in P2 with its notice of 2026-12-02 (run of P2), and runs of both projects for
 * tomorrow, so "send now" answers 200 (the run exists) whoever asks first.
 */
export async function buildNoticeWorld(t: TestApp, w: AccessWorld): Promise<NoticeWorld> {
  const runs = t.app.get(NoticeRunsService);
  const store = t.app.get(NoticeStore);
  const create = (path: string, body: Record<string, unknown>) => w.create(path, body);
  const crewThird = await create('/api/crews', {
    name: '线路三班',
    contractorId: w.ids.contractorOther,
    leaderName: '赵立新',
  });
  await create('/api/crew-channels', { crewId: crewThird, kind: 'email', address: 'c3@example.com' });
  await create('/api/tasks', {
    projectId: w.ids.projectOther,
    crewId: crewThird,
    locationId: w.ids.locationOther,
    title: '管线交底',
    plannedStart: '2026-12-02T08:00:00+08:00',
    durationMinutes: 120,
  });
  const noticeFor = async (projectId: string, date: string, crewId: string) => {
    const { run } = await runs.ensureRun(projectId, date, NoticeRunTrigger.Manual);
    await runs.fanOut(run.id, new Date());
    const stored = await store.createInitial(run.id, crewId, date);
    if (stored.outcome !== 'created') throw new Error(`notice for ${crewId}: ${stored.outcome}`);
    return { runId: run.id, noticeId: stored.noticeId };
  };
  const own = await noticeFor(w.ids.projectOwn, '2026-12-01', w.ids.crewOwn);
  // Crew C1 did not acknowledge in time: flagged to the coordinators (the list names its leader).
  await t.dataSource.query(
    'INSERT INTO notice_escalations (project_id, crew_id, notice_id, notice_date) VALUES ($1, $2, $3, $4)',
    [w.ids.projectOwn, w.ids.crewOwn, own.noticeId, '2026-12-01'],
  );
  const other = await noticeFor(w.ids.projectOther, '2026-12-02', crewThird);
  const tomorrow = addDays(localDateOf(Date.now(), 'Asia/Shanghai'), 1);
  await runs.ensureRun(w.ids.projectOwn, tomorrow, NoticeRunTrigger.Manual);
  await runs.ensureRun(w.ids.projectOther, tomorrow, NoticeRunTrigger.Manual);
  built = { runOwn: own.runId, runOther: other.runId, noticeOwn: own.noticeId, noticeOther: other.noticeId };
  return built;
}

interface NoticeRow {
  route: string;
  object: string;
  expect: string;
  target: (w: AccessWorld) => { path: string; body?: Record<string, unknown> };
}

/**
 * Notice routes in the access matrix. Columns: anonymous admin coordinator contractor agency viewer.
 * Coordinators act on their projects' runs and notices; contractors read and acknowledge their
 * crew's notices; agencies see none; viewers read everything and change nothing.
 */
export const NOTICE_MATRIX: NoticeRow[] = [
  {
    route: 'GET /api/notice-runs',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/notice-runs' }),
  },
  {
    route: 'GET /api/notice-runs/schedule',
    object: 'the night times',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/notice-runs/schedule' }),
  },
  {
    route: 'GET /api/notice-runs/:id',
    object: 'own project',
    expect: '401 200 200 404 404 200',
    target: () => ({ path: `/api/notice-runs/${noticeWorld().runOwn}` }),
  },
  {
    route: 'GET /api/notice-runs/:id',
    object: 'other project',
    expect: '401 200 404 404 404 200',
    target: () => ({ path: `/api/notice-runs/${noticeWorld().runOther}` }),
  },
  {
    route: 'POST /api/notice-runs',
    object: 'own project, run exists',
    expect: '401 200 200 403 403 403',
    target: (w) => ({ path: '/api/notice-runs', body: { projectId: w.ids.projectOwn } }),
  },
  {
    route: 'POST /api/notice-runs',
    object: 'other project, run exists',
    expect: '401 200 404 404 404 403',
    target: (w) => ({ path: '/api/notice-runs', body: { projectId: w.ids.projectOther } }),
  },
  {
    route: 'GET /api/notices',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/notices' }),
  },
  {
    route: 'GET /api/notices/:id',
    object: 'own',
    expect: '401 200 200 200 404 200',
    target: () => ({ path: `/api/notices/${noticeWorld().noticeOwn}` }),
  },
  {
    route: 'GET /api/notices/:id',
    object: 'other',
    expect: '401 200 404 404 404 200',
    target: () => ({ path: `/api/notices/${noticeWorld().noticeOther}` }),
  },
  {
    route: 'POST /api/notices/:id/resend',
    object: 'own',
    expect: '401 201 201 403 404 403',
    target: () => ({ path: `/api/notices/${noticeWorld().noticeOwn}/resend` }),
  },
  {
    route: 'POST /api/notices/:id/resend',
    object: 'other',
    expect: '401 201 404 404 404 403',
    target: () => ({ path: `/api/notices/${noticeWorld().noticeOther}/resend` }),
  },
  {
    route: 'POST /api/notices/:id/acknowledge',
    object: 'own',
    expect: '401 200 403 200 404 403',
    target: () => ({ path: `/api/notices/${noticeWorld().noticeOwn}/acknowledge` }),
  },
  {
    route: 'POST /api/notices/:id/acknowledge',
    object: 'other',
    expect: '401 200 404 404 404 403',
    target: () => ({ path: `/api/notices/${noticeWorld().noticeOther}/acknowledge` }),
  },
  {
    route: 'GET /api/deliveries',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/deliveries' }),
  },
  {
    route: 'GET /api/notice-escalations',
    object: 'list',
    expect: '401 200 200 200 200 200',
    target: () => ({ path: '/api/notice-escalations' }),
  },
  {
    route: 'POST /api/admin/queue-session',
    object: 'dashboard',
    expect: '401 201 403 403 403 403',
    target: () => ({ path: '/api/admin/queue-session' }),
  },
];
