import { randomBytes } from 'node:crypto';
import { AccessWorld } from './access-world';

type Json = Record<string, unknown>;

interface AnnouncementRow {
  route: string;
  object: string;
  expect: string;
  target: (w: AccessWorld) => Promise<{ path: string; body?: Json }>;
}

const unique = () => randomBytes(4).toString('hex');

/** A fresh power cut in the project (as the admin), its announcement drafted, moved on to `state`. */
async function announcement(w: AccessWorld, own: boolean, state: 'draft' | 'approved' | 'posted' = 'draft') {
  const projectId = own ? w.ids.projectOwn : w.ids.projectOther;
  const admin = w.users.admin;
  const taskId = await w.create('/api/tasks', {
    projectId,
    crewId: own ? w.ids.crewOwn : w.ids.crewOther,
    title: `停电任务${unique()}`,
    plannedStart: '2026-12-02T08:00:00+08:00',
    durationMinutes: 60,
    interruptionKind: 'power',
    interruptionStartsAt: '2026-12-02T08:00:00+08:00',
    interruptionEndsAt: '2026-12-02T09:00:00+08:00',
    interruptionLocationIds: [w.ids.locationOwn],
  });
  const items: { id: string; taskId: string; version: number }[] = (
    await admin.get(`/api/projects/${projectId}/announcements`).expect(200)
  ).body.items;
  const found = items.find((item) => item.taskId === taskId) as { id: string; version: number };
  const id = found.id;
  let version = found.version;
  for (const step of state === 'draft' ? [] : state === 'approved' ? ['approve'] : ['approve', 'post']) {
    version = (await admin.post(`/api/announcements/${id}/${step}`).send({ version }).expect(200)).body.version;
  }
  return { path: `/api/announcements/${id}`, version };
}

const OWN_READ = '401 200 200 200 200 200';
const OTHER_READ = '401 200 404 404 404 200';
const OWN_WRITE = '401 200 200 403 403 403';
const OTHER_WRITE = '401 200 404 404 404 403';

/**
 * Resident announcements in the access matrix (columns: anonymous admin coordinator contractor
 * agency viewer): read by whoever sees the project; edited, approved, posted and followed up by
 * its coordinators and admins only (403 for the others who see it). Buildings' robots: the
 * planners who set up places (admins delete).
 */
export const ANNOUNCEMENT_MATRIX: AnnouncementRow[] = [
  ...[true, false].flatMap((own): AnnouncementRow[] => {
    const object = own ? 'own project' : 'other project';
    const read = own ? OWN_READ : OTHER_READ;
    const write = own ? OWN_WRITE : OTHER_WRITE;
    return [
      {
        route: 'GET /api/projects/:id/announcements',
        object,
        expect: read,
        target: async (w) => ({ path: `/api/projects/${own ? w.ids.projectOwn : w.ids.projectOther}/announcements` }),
      },
      { route: 'GET /api/announcements/:id', object, expect: read, target: async (w) => announcement(w, own) },
      {
        route: 'GET /api/announcements/:id/notice.pdf',
        object,
        expect: read,
        target: async (w) => ({ path: `${(await announcement(w, own)).path}/notice.pdf` }),
      },
      {
        route: 'PATCH /api/announcements/:id',
        object,
        expect: write,
        target: async (w) => {
          const { path, version } = await announcement(w, own);
          return { path, body: { version, text: '停电通知（修改）' } };
        },
      },
      ...(
        [
          ['approve', 'draft'],
          ['post', 'approved'],
          ['follow-up', 'posted'],
          ['deliver', 'posted'],
        ] as const
      ).map(
        ([step, state]): AnnouncementRow => ({
          route: `POST /api/announcements/:id/${step}`,
          object,
          expect: write,
          target: async (w) => {
            const { path, version } = await announcement(w, own, state);
            return { path: `${path}/${step}`, body: step === 'deliver' ? {} : { version } };
          },
        }),
      ),
    ];
  }),
  {
    route: 'GET /api/locations/:id/robots',
    object: 'any building',
    expect: '401 200 200 404 404 404',
    target: async (w) => ({ path: `/api/locations/${w.ids.locationOther}/robots` }),
  },
  {
    route: 'POST /api/locations/:id/robots',
    object: 'a new building',
    expect: '401 201 201 404 404 404',
    target: async (w) => ({
      path: `/api/locations/${await w.create('/api/locations', { kind: 'compound', name: `楼${unique()}` })}/robots`,
      body: { kind: 'wecom', webhook: 'http://127.0.0.1:9/robot' },
    }),
  },
  {
    route: 'DELETE /api/locations/:id/robots/:robotId',
    object: 'a building robot',
    expect: '401 204 403 404 404 404',
    target: async (w) => {
      const location = await w.create('/api/locations', { kind: 'compound', name: `楼${unique()}` });
      const robot = await w.create(`/api/locations/${location}/robots`, {
        kind: 'wecom',
        webhook: 'http://127.0.0.1:9/robot',
      });
      return { path: `/api/locations/${location}/robots/${robot}` };
    },
  },
];
