import { COMPACT_SCHEDULE_MEDIA_TYPE, CompactSchedule, decodeSchedule } from '@worksite/schedule-wire';
import { Role } from '@worksite/shared-domain';
import { get as httpGet, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, local, SchedulingWorld, utc } from './scheduling-world';

/** A GET with node:http, which leaves the body as it came over the wire (compressed). */
function rawGet(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpGet({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
  });
}

/** The paths of large projects: adding a link, and the compact compressed schedule. */
describe('schedule at scale: links added and the compact schedule', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('SCALE');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const task = (title: string, start: string, durationMinutes = 240) =>
    world.task(project, title, { crewId: world.crews.cable, plannedStart: local(start), durationMinutes });
  const link = (predecessorId: string, successorId: string) =>
    t.http.post('/api/dependencies').send({ predecessorId, successorId });

  it('pushes the successor and what follows it, bumping their versions, and leaves the rest alone', async () => {
    const dig = await task('管沟开挖', '2026-11-02T08:00', 480);
    const lay = await task('电缆敷设', '2026-11-02T08:00');
    const fill = await task('回填', '2026-11-02T14:00');
    const elsewhere = await task('表箱改接', '2026-11-02T08:00');
    await world.link(lay, fill);
    const before = {
      lay: await world.read(lay),
      fill: await world.read(fill),
      elsewhere: await world.read(elsewhere),
      dig: await world.read(dig),
    };

    await link(dig, lay).expect(201);

    const after = { lay: await world.read(lay), fill: await world.read(fill) };
    // dig ends Monday 18:00; lay follows on Tuesday morning, fill in the afternoon.
    expect(after.lay).toMatchObject({
      plannedStart: utc('2026-11-03T08:00'),
      version: Number(before.lay['version']) + 1,
    });
    expect(after.fill).toMatchObject({
      plannedStart: utc('2026-11-03T14:00'),
      version: Number(before.fill['version']) + 1,
    });
    expect(await world.read(elsewhere)).toEqual(before.elsewhere);
    expect(await world.read(dig)).toEqual(before.dig);
    const audits = await t.dataSource.query(
      `SELECT entity_id FROM audit_entries WHERE entity = 'task' AND entity_id = ANY($1::uuid[]) AND action = 'update'`,
      [[lay, fill]],
    );
    expect(audits.map((row: { entity_id: string }) => row.entity_id).sort()).toEqual([lay, fill].sort());
  });

  it('moves nothing when the new link is already met', async () => {
    const first = await task('光缆穿管', '2026-11-02T08:00');
    const later = await task('熔接割接', '2026-11-06T08:00');
    const before = await world.read(later);
    await link(first, later).expect(201);
    expect(await world.read(later)).toEqual(before);
  });

  it('refuses a link closing a cycle through one branch of several with 422 naming that branch', async () => {
    // a → b, a → c → d, and elsewhere e → d: d → a closes a → c → d → a only.
    const [a, b, c, d, e] = await Promise.all(
      ['燃气交底', '管线迁改', '路面恢复', '验收', '清运'].map((title, i) => task(title, `2026-11-0${2 + i}T08:00`)),
    );
    for (const [from, to] of [
      [a, b],
      [a, c],
      [c, d],
      [e, d],
    ]) {
      await world.link(from, to);
    }
    const versions = async () => Promise.all([a, b, c, d, e].map(async (id) => (await world.read(id))['version']));
    const before = await versions();

    const refused = await link(d, a).expect(422);
    expect(refused.body.code).toBe('dependency_cycle');
    expect(refused.body.cycle).toEqual([
      { id: a, title: '燃气交底' },
      { id: c, title: '路面恢复' },
      { id: d, title: '验收' },
    ]);
    expect(refused.body.message).toContain('燃气交底 → 路面恢复 → 验收 → 燃气交底');
    expect(await versions()).toEqual(before);
  });

  it('answers the compact form, brotli or gzip as accepted, decoding to the full schedule', async () => {
    const full = (await t.http.get(`/api/projects/${project}/schedule`).expect(200)).body;
    const { accessToken } = await t.as({ role: Role.Admin });
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const path = `/api/projects/${project}/schedule`;
      const authorization = `Bearer ${accessToken}`;

      const br = await rawGet(port, path, {
        authorization,
        accept: COMPACT_SCHEDULE_MEDIA_TYPE,
        'accept-encoding': 'gzip, br',
      });
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toContain(COMPACT_SCHEDULE_MEDIA_TYPE);
      expect(br.headers['vary']).toContain('Accept-Encoding');
      const compact = JSON.parse(brotliDecompressSync(br.body).toString()) as CompactSchedule;
      expect(decodeSchedule(compact)).toEqual(full);

      const gzip = await rawGet(port, `${path}?form=compact`, { authorization, 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(decodeSchedule(JSON.parse(gunzipSync(gzip.body).toString()))).toEqual(full);

      const identity = await rawGet(port, `${path}?form=compact`, { authorization, 'accept-encoding': 'identity' });
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(decodeSchedule(JSON.parse(identity.body.toString()))).toEqual(full);
      expect(identity.body.length).toBeLessThan(JSON.stringify(full).length);

      // After edits the compact body is made from the one before (only changed columns encoded
      // again): a title, then a longer task that pushes what follows it.
      const tasks = full.tasks as { id: string; title: string }[];
      const edited = tasks[0];
      const pushing = full.dependencies[0].predecessorId as string;
      const patch = async (id: string, body: object) => {
        const { version } = (await t.http.get(`/api/tasks/${id}`).expect(200)).body;
        await t.http
          .patch(`/api/tasks/${id}`)
          .send({ version, ...body })
          .expect(200);
      };
      for (const edit of [
        () => patch(edited.id, { title: `${edited.title}（改）` }),
        () => patch(pushing, { durationMinutes: 960 }),
      ]) {
        await edit();
        const after = (await t.http.get(path).expect(200)).body;
        const compactAfter = await rawGet(port, path, {
          authorization,
          accept: COMPACT_SCHEDULE_MEDIA_TYPE,
          'accept-encoding': 'br',
        });
        expect(decodeSchedule(JSON.parse(brotliDecompressSync(compactAfter.body).toString()))).toEqual(after);
      }
      const last = (await t.http.get(path).expect(200)).body;
      expect(last.tasks.find((task: { id: string }) => task.id === edited.id).title).toBe(`${edited.title}（改）`);
      expect(last.tasks.find((task: { id: string }) => task.id === pushing).durationMinutes).toBe(960);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses an unknown form with 400', async () => {
    await t.http.get(`/api/projects/${project}/schedule?form=tiny`).expect(400);
  });
});
