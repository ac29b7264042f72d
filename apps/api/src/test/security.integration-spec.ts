import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@worksite/server-config';
import { Role } from '@worksite/shared-domain';
import { AccessWorld, buildAccessWorld } from '../testing/access-world';
import { createTestApp, TestApp } from '../testing/test-app';

/** What a real attacker tries, and what the API must answer. */
describe('security: attacks on objects, fields, tokens and logins', () => {
  let t: TestApp;
  let w: AccessWorld;
  const jwt = new JwtService({});

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildAccessWorld(t);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const taskRow = async (id: string) => (await t.http.get(`/api/tasks/${id}`).expect(200)).body;

  it("refuses another crew's task by id (IDOR) as if it did not exist, and changes nothing", async () => {
    const before = await taskRow(w.ids.taskOther);
    const read = await w.users.contractor.get(`/api/tasks/${w.ids.taskOther}`).expect(404);
    expect(read.body.code).toBe('not_found');
    await w.users.contractor
      .patch(`/api/tasks/${w.ids.taskOther}`)
      .send({ version: before.version, progress: 99 })
      .expect(404);
    await w.users.contractor.delete(`/api/tasks/${w.ids.taskOther}`).expect(404);
    const list = await w.users.contractor.get(`/api/tasks?projectId=${w.ids.projectOther}`).expect(200);
    expect(list.body.total).toBe(0);
    expect(await taskRow(w.ids.taskOther)).toEqual(before);
  });

  it('refuses fields the role may not edit, naming them, and writes nothing', async () => {
    const before = await taskRow(w.ids.taskOwn);
    const refused = await w.users.contractor
      .patch(`/api/tasks/${w.ids.taskOwn}`)
      .send({
        version: before.version,
        progress: 50,
        plannedStart: '2026-12-03T08:00:00+08:00',
        crewId: w.ids.crewOther,
      })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'forbidden', fields: ['plannedStart', 'crewId'] });
    await w.users.agency
      .patch(`/api/tasks/${w.ids.taskOwn}`)
      .send({ version: before.version, title: '改标题' })
      .expect(403);
    expect(await taskRow(w.ids.taskOwn)).toEqual(before);
    // The allowed fields still work.
    const done = await w.users.contractor
      .patch(`/api/tasks/${w.ids.taskOwn}`)
      .send({ version: before.version, progress: 50, status: 'in_progress' })
      .expect(200);
    expect(done.body).toMatchObject({ progress: 50, status: 'in_progress', version: before.version + 1 });
  });

  it('refuses mass assignment of fields that do not exist or that nobody may set', async () => {
    const before = await taskRow(w.ids.taskOwn);
    const refused = await w.users.coordinator
      .patch(`/api/tasks/${w.ids.taskOwn}`)
      .send({
        version: before.version,
        projectId: w.ids.projectOther,
        createdAt: '2020-01-01T00:00:00Z',
        isAdmin: true,
      })
      .expect(400);
    expect(refused.body.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'createdAt',
      'isAdmin',
      'projectId',
    ]);
    const user = await w.users.viewer.get('/api/auth/me').expect(200);
    expect(user.body.role).toBe('viewer');
  });

  it('refuses tampered, foreign, unsigned and expired tokens', async () => {
    const token = w.users.viewer.accessToken;
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: w.users.admin.userId })).toString('base64url');
    const secret = t.app.get(AppConfig).JWT_SECRET;
    const candidates = {
      tampered: `${header}.${forged}.${signature}`,
      foreign: await jwt.signAsync(claims, { secret: 'another-secret-that-is-long-enough-32', algorithm: 'HS256' }),
      unsigned: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
      hs512: await jwt.signAsync({ sub: claims.sub, sid: claims.sid }, { secret, algorithm: 'HS512' }),
      expired: await jwt.signAsync(
        { sub: claims.sub, sid: claims.sid, exp: Math.floor(Date.now() / 1000) - 10 },
        { secret, algorithm: 'HS256' },
      ),
      garbage: 'not.a.token',
    };
    for (const [kind, bad] of Object.entries(candidates)) {
      const response = await t.anonymous.get('/api/tasks').set('Authorization', `Bearer ${bad}`);
      expect({ kind, status: response.status, code: response.body.code }).toEqual({
        kind,
        status: 401,
        code: 'unauthorized',
      });
    }
    await t.anonymous.get('/api/tasks').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('throttles brute-force logins per address, and locks an account after repeated failures', async () => {
    const strict = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push(
          (await strict.anonymous.post('/api/auth/login').send({ username: 'admin', password: `guess-${i}` })).status,
        );
      }
      // The harness's own admin login was the first of the five allowed this minute.
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429]);
    } finally {
      await strict.close();
    }

    // Per account: ten failures, then even the right password waits.
    const victim = await t.as({ role: Role.Viewer });
    const me = { username: victim.username };
    for (let i = 0; i < 10; i++) {
      await t.anonymous
        .post('/api/auth/login')
        .send({ username: me.username, password: `wrong-${i}` })
        .expect(401);
    }
    const locked = await t.anonymous.post('/api/auth/login').send({ username: me.username, password: 'whatever' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too_many_attempts');
  }, 60_000);

  it('refuses an oversized body with 413 before reading it', async () => {
    const response = await w.users.coordinator
      .post('/api/tasks')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
  });

  it('rotates refresh tokens, and logout ends the session for both tokens', async () => {
    const agent = await t.as({ role: Role.Viewer });
    await t.anonymous.post('/api/auth/refresh').send({ refreshToken: 'nonsense' }).expect(401);

    // A login through the cookie flow: the cookie is HttpOnly, SameSite=Strict, scoped to /api/auth.
    const cookieLogin = await t.anonymous
      .post('/api/auth/login')
      .send({ username: agent.username, password: t.password })
      .expect(200);
    const cookie = cookieLogin.headers['set-cookie'][0] as string;
    expect(cookie).toMatch(/^ws_refresh=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);

    const refreshed = await t.anonymous.post('/api/auth/refresh').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(refreshed.body.refreshToken).not.toBe(cookieLogin.body.refreshToken);
    // The old refresh token is retired: inside the grace window of two tabs refreshing at once it
    // still gets an access token, but never a new refresh token (accounts spec: later, it ends the session).
    const late = await t.anonymous
      .post('/api/auth/refresh')
      .send({ refreshToken: cookieLogin.body.refreshToken })
      .expect(200);
    expect(late.body.refreshToken).toBeUndefined();
    expect(late.headers['set-cookie']).toBeUndefined();

    const access = refreshed.body.accessToken;
    await t.anonymous.post('/api/auth/logout').set('Authorization', `Bearer ${access}`).expect(204);
    await t.anonymous.get('/api/auth/me').set('Authorization', `Bearer ${access}`).expect(401);
    await t.anonymous.post('/api/auth/refresh').send({ refreshToken: refreshed.body.refreshToken }).expect(401);
    await t.anonymous.post('/api/auth/refresh').send({ refreshToken: cookieLogin.body.refreshToken }).expect(401);
    await t.anonymous.get('/api/auth/me').set('Authorization', `Bearer ${late.body.accessToken}`).expect(401);
  });

  it('drops a session it keeps (SESSION_CACHE_SECONDS) as soon as any process changes the account or ends it', async () => {
    // Changed by hand in SQL, as another api, the worker or the CLI would: PostgreSQL notifies
    // every api process when the change commits, long before the 10 s the api keeps a session.
    const agent = await t.as({ role: Role.Coordinator });
    const within = async (expectStatus: number, check: (body: { projectIds?: string[] }) => boolean) => {
      const deadline = Date.now() + 3_000;
      for (;;) {
        const response = await agent.get('/api/auth/me');
        if (response.status === expectStatus && check(response.body)) return;
        if (Date.now() > deadline) throw new Error(`still ${response.status} ${JSON.stringify(response.body)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await within(200, (me) => me.projectIds?.length === 0);
    await t.dataSource.query('INSERT INTO user_projects (user_id, project_id) VALUES ($1, $2)', [
      agent.userId,
      w.ids.projectOwn,
    ]);
    await within(200, (me) => me.projectIds?.includes(w.ids.projectOwn) === true);
    await agent.get(`/api/projects/${w.ids.projectOwn}`).expect(200);
    await t.dataSource.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1', [agent.userId]);
    await within(401, () => true);
  });

  it('ends the other sessions on a password change, and all sessions on a role change', async () => {
    const agent = await t.as({ role: Role.Coordinator, projectIds: [w.ids.projectOwn] });
    const me = (await t.http.get(`/api/users/${agent.userId}`).expect(200)).body;
    const password = t.password;
    const second = await t.anonymous.post('/api/auth/login').send({ username: me.username, password }).expect(200);

    await agent
      .post('/api/auth/password')
      .send({ currentPassword: 'wrong-password', newPassword: 'a-new-long-password' })
      .expect(400);
    await agent
      .post('/api/auth/password')
      .send({ currentPassword: password, newPassword: 'a-new-long-password' })
      .expect(204);
    await agent.get('/api/auth/me').expect(200);
    await t.anonymous.get('/api/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(401);
    await t.anonymous.post('/api/auth/login').send({ username: me.username, password }).expect(401);
    const relogin = await t.anonymous
      .post('/api/auth/login')
      .send({ username: me.username, password: 'a-new-long-password' })
      .expect(200);

    const current = (await t.http.get(`/api/users/${agent.userId}`).expect(200)).body;
    await t.http.patch(`/api/users/${agent.userId}`).send({ version: current.version, role: 'viewer' }).expect(200);
    await t.anonymous.get('/api/auth/me').set('Authorization', `Bearer ${relogin.body.accessToken}`).expect(401);
    await agent.get('/api/auth/me').expect(401);
  });

  it('sends security headers, allows only configured origins, and never leaks internals', async () => {
    const response = await t.anonymous.get('/api/health').set('Origin', 'https://evil.example.com');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await t.anonymous.get('/api/health').set('Origin', t.app.get(AppConfig).CORS_ORIGINS.split(',')[0]);
    expect(allowed.headers['access-control-allow-origin']).toBe(t.app.get(AppConfig).CORS_ORIGINS.split(',')[0]);
    const error = await w.users.coordinator
      .post('/api/dependencies')
      .send({ predecessorId: w.ids.taskOwn, successorId: w.ids.taskOwn });
    expect(error.status).toBe(400);
    expect(JSON.stringify(error.body)).not.toMatch(/at \w+ \(|QueryFailedError|SELECT|INSERT|node_modules/);
  });

  it('records who changed what in the audit trail, readable by the project coordinator only', async () => {
    const before = await taskRow(w.ids.taskOwn);
    await w.users.coordinator
      .patch(`/api/tasks/${w.ids.taskOwn}`)
      .send({ version: before.version, safetyNotes: '断电挂牌' })
      .expect(200);
    const trail = await w.users.coordinator.get(`/api/audit?entityId=${w.ids.taskOwn}&action=update`).expect(200);
    expect(trail.body.items[0]).toMatchObject({
      entity: 'task',
      action: 'update',
      actorId: w.users.coordinator.userId,
      projectId: w.ids.projectOwn,
      changes: { safetyNotes: { before: before.safetyNotes, after: '断电挂牌' } },
    });
    const others = await w.users.coordinator.get(`/api/audit?entityId=${w.ids.taskOther}`).expect(200);
    expect(others.body.total).toBe(0);
    const asAdmin = await t.http.get(`/api/audit?entityId=${w.ids.taskOther}`).expect(200);
    expect(asAdmin.body.items.map((entry: { action: string }) => entry.action)).toContain('create');
    for (const role of ['contractor', 'agency', 'viewer'] as const) {
      expect((await w.users[role].get('/api/audit').expect(200)).body.total).toBe(0);
    }
  });
});
