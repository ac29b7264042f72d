import { Role } from '@worksite/shared-domain';
import request from 'supertest';
import { createTestApp, TestApp } from '../testing/test-app';

type Agent = Awaited<ReturnType<TestApp['as']>>;

/** Accounts and sessions: the password policy, refresh-token reuse, usernames, the last admin, the queue dashboard. */
describe('accounts and sessions', () => {
  let t: TestApp;
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    t.dataSource.query(sql, params) as Promise<T[]>;
  const login = (username: string, password = t.password) =>
    t.anonymous.post('/api/auth/login').send({ username, password });
  const refresh = (refreshToken: string) => t.anonymous.post('/api/auth/refresh').send({ refreshToken });
  const me = (accessToken: string) => t.anonymous.get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);
  const auditOf = (entityId: string, entity: string) =>
    query<{ actor_id: string | null; changes: Record<string, unknown> }>(
      'SELECT actor_id, changes FROM audit_entries WHERE entity_id = $1 AND entity = $2 ORDER BY at',
      [entityId, entity],
    );

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  describe('password policy', () => {
    let user: Agent;
    beforeAll(async () => {
      user = await t.as({ role: Role.Viewer });
    });

    it.each([
      ['empty', '', 'too_short'],
      ['short', 'short-pw', 'too_short'],
      ['the username', 'USERNAME', 'contains_username'],
      ['containing the username', 'my-USERNAME-is-secret', 'contains_username'],
      ['common', 'qwertyuiop', 'common'],
      ['common with digits', 'Password2026!', 'common'],
      ['too long', 'x'.repeat(201), 'too_long'],
    ])('refuses a self-service password that is %s, and changes nothing', async (_what, candidate, reason) => {
      const newPassword = candidate.replace('USERNAME', user.username.toUpperCase());
      const response = await user.post('/api/auth/password').send({ currentPassword: t.password, newPassword });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'weak_password', reasons: expect.arrayContaining([reason]) });
      expect(response.body.problems[0].field).toBe('newPassword');
      const [row] = await query<{ password_changed_at: Date | null }>(
        'SELECT password_changed_at FROM users WHERE id = $1',
        [user.userId],
      );
      expect(row.password_changed_at).toBeNull();
      await login(user.username).expect(200);
    });

    it('accepts a good new password, ending the other sessions, and records when (never what) in the audit trail', async () => {
      const other = await login(user.username).expect(200);
      await user
        .post('/api/auth/password')
        .send({ currentPassword: t.password, newPassword: '胡同口的老槐树-2026' })
        .expect(204);
      await me(other.body.accessToken).expect(401);
      await login(user.username, '胡同口的老槐树-2026').expect(200);
      const [entry] = await auditOf(user.userId, 'user');
      expect(entry.actor_id).toBe(user.userId);
      expect(Object.keys(entry.changes)).toEqual(['passwordChangedAt']);
      expect(JSON.stringify(entry)).not.toMatch(/胡同口|argon2|passwordHash/);
      const reasons = await query<{ revoked_reason: string }>(
        'SELECT DISTINCT revoked_reason FROM sessions WHERE user_id = $1 AND revoked_at IS NOT NULL',
        [user.userId],
      );
      expect(reasons).toEqual([{ revoked_reason: 'password_changed' }]);
    });

    it('applies the same policy to passwords set by an administrator, with an audit entry', async () => {
      const weak = await t.http
        .post('/api/users')
        .send({ username: 'li.ming', displayName: '李明', password: 'li.ming2026', role: 'viewer' });
      expect(weak.status).toBe(400);
      expect(weak.body).toMatchObject({ code: 'weak_password', problems: [{ field: 'password' }] });
      expect(await query('SELECT id FROM users WHERE username = $1', ['li.ming'])).toEqual([]);

      const created = await t.http
        .post('/api/users')
        .send({ username: 'li.ming', displayName: '李明', password: '沈阳市和平区-集贤里小区', role: 'viewer' })
        .expect(201);
      expect(JSON.stringify(created.body)).not.toMatch(/passwordHash|沈阳市和平区/);
      const common = await t.http
        .patch(`/api/users/${created.body.id}`)
        .send({ version: created.body.version, password: 'football12345' });
      expect(common.status).toBe(400);
      expect(common.body.reasons).toEqual(['common']);
      await t.http
        .patch(`/api/users/${created.body.id}`)
        .send({ version: created.body.version, password: '集贤里43号楼-第二单元' })
        .expect(200);
      const entries = await auditOf(created.body.id, 'user');
      expect(entries).toHaveLength(2);
      expect(Object.keys(entries[1].changes)).toEqual(['passwordChangedAt']);
      expect(JSON.stringify(entries)).not.toMatch(/集贤里|沈阳市和平区|passwordHash|argon2/);
      await login('li.ming', '集贤里43号楼-第二单元').expect(200);
    });
  });

  describe('refresh-token rotation with reuse detection', () => {
    it('revokes the whole session when a rotated token comes back, answers 401 and records it', async () => {
      const user = await t.as({ role: Role.Viewer });
      const first = await login(user.username).expect(200);
      const second = await refresh(first.body.refreshToken).expect(200);
      const third = await refresh(second.body.refreshToken).expect(200);
      await me(third.body.accessToken).expect(200);

      // The first token was rotated two rotations ago: a copy of it is being replayed.
      const replay = await refresh(first.body.refreshToken).expect(401);
      expect(replay.body.code).toBe('session_revoked');
      // Every token descended from that login is dead, and so is its access token.
      await refresh(third.body.refreshToken).expect(401);
      await me(third.body.accessToken).expect(401);
      const [session] = await query<{ id: string; revoked_reason: string }>(
        'SELECT id, revoked_reason FROM sessions WHERE user_id = $1 AND revoked_at IS NOT NULL',
        [user.userId],
      );
      expect(session.revoked_reason).toBe('refresh_token_reuse');
      const [entry] = await auditOf(session.id, 'session');
      expect(entry.changes).toMatchObject({ revokedReason: { before: null, after: 'refresh_token_reuse' } });
      const trail = await t.http.get(`/api/audit?entity=session&entityId=${session.id}`).expect(200);
      expect(trail.body.total).toBe(1);
      // The user's other logins are not touched.
      await user.get('/api/auth/me').expect(200);
    });

    it('lets two tabs refresh with the same token at once, then treats that token as reused once the grace window passed', async () => {
      const user = await t.as({ role: Role.Viewer });
      const first = await login(user.username).expect(200);
      const [a, b] = await Promise.all([refresh(first.body.refreshToken), refresh(first.body.refreshToken)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      // One rotated (new cookie); the other got an access token only, so the cookie stays the new one.
      const rotated = [a, b].filter((response) => response.body.refreshToken);
      expect(rotated).toHaveLength(1);
      expect([a, b].filter((response) => response.headers['set-cookie'])).toHaveLength(1);
      await me(a.body.accessToken).expect(200);
      await me(b.body.accessToken).expect(200);

      // Ten seconds later, as if: the grace window of the first token has passed.
      await query(
        `UPDATE retired_refresh_tokens SET retired_at = retired_at - interval '11 seconds'
          WHERE session_id IN (SELECT id FROM sessions WHERE user_id = $1)`,
        [user.userId],
      );
      await refresh(first.body.refreshToken).expect(401);
      await refresh(rotated[0].body.refreshToken).expect(401);
    });

    it('answers an unknown token, and a token of a session that ended, with 401 and nothing else', async () => {
      await refresh('made-up-token').expect(401);
      const user = await t.as({ role: Role.Viewer });
      const session = await login(user.username).expect(200);
      await t.anonymous.post('/api/auth/logout').set('Authorization', `Bearer ${session.body.accessToken}`).expect(204);
      const after = await refresh(session.body.refreshToken).expect(401);
      expect(after.body.code).toBe('unauthorized');
    });
  });

  describe('usernames', () => {
    it('are unique ignoring case: a clash answers 409, and login ignores case', async () => {
      const created = await t.http
        .post('/api/users')
        .send({ username: 'Wang.Fang', displayName: '王芳', password: '西塔街的冷面馆子和烤串', role: 'viewer' })
        .expect(201);
      const clash = await t.http
        .post('/api/users')
        .set('Accept-Language', 'en')
        .send({ username: 'wang.fang', displayName: '王芳二', password: '西塔街的冷面馆子和烤串', role: 'viewer' });
      expect(clash.status).toBe(409);
      expect(clash.body).toMatchObject({ code: 'username_taken', problems: [{ field: 'username' }] });
      expect(clash.body.message).toContain('ignoring case');
      const other = await t.http
        .post('/api/users')
        .send({ username: 'wang.fang.2', displayName: '王芳二', password: '西塔街的冷面馆子和烤串', role: 'viewer' })
        .expect(201);
      const rename = await t.http
        .patch(`/api/users/${other.body.id}`)
        .send({ version: other.body.version, username: 'WANG.FANG' });
      expect(rename.status).toBe(409);
      expect(rename.body.code).toBe('username_taken');
      const [{ count }] = await query<{ count: number }>(
        `SELECT count(*)::int AS count FROM users WHERE lower(username) = 'wang.fang'`,
      );
      expect(count).toBe(1);
      const logged = await login('WANG.FANG', '西塔街的冷面馆子和烤串').expect(200);
      expect(logged.body.user.id).toBe(created.body.id);
    });
  });

  describe('the queue dashboard', () => {
    const openDashboard = async (accessToken: string) => {
      const opened = await t.anonymous
        .post('/api/admin/queue-session')
        .set('Authorization', `Bearer ${accessToken}`)
        .expect(201);
      return (opened.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    };
    const dashboard = (cookie: string) => request(t.app.getHttpServer()).get('/api/admin/queues').set('Cookie', cookie);

    it('closes when the session that opened it logs out', async () => {
      const admin = await t.as({ role: Role.Admin });
      const session = await login(admin.username).expect(200);
      const cookie = await openDashboard(session.body.accessToken);
      await dashboard(cookie).expect(200);
      await t.anonymous.post('/api/auth/logout').set('Authorization', `Bearer ${session.body.accessToken}`).expect(204);
      const closed = await dashboard(cookie).expect(401);
      expect(closed.body.code).toBe('unauthorized');
      // The admin's other logins are not affected, nor is a dashboard they open.
      await dashboard(await openDashboard(admin.accessToken)).expect(200);
    });

    it('closes when the session is revoked otherwise: the account changed, or its refresh token was replayed', async () => {
      const admin = await t.as({ role: Role.Admin });
      const cookie = await openDashboard(admin.accessToken);
      await dashboard(cookie).expect(200);
      const [{ version }] = await query<{ version: number }>('SELECT version FROM users WHERE id = $1', [admin.userId]);
      await t.http.patch(`/api/users/${admin.userId}`).send({ version, displayName: '改名' }).expect(200);
      await dashboard(cookie).expect(200);
      await t.http
        .patch(`/api/users/${admin.userId}`)
        .send({ version: version + 1, role: 'viewer' })
        .expect(200);
      await dashboard(cookie).expect(401);

      const other = await t.as({ role: Role.Admin });
      const session = await login(other.username).expect(200);
      const replayed = await openDashboard(session.body.accessToken);
      await refresh(session.body.refreshToken)
        .expect(200)
        .then((r) => refresh(r.body.refreshToken).expect(200));
      await refresh(session.body.refreshToken).expect(401);
      await dashboard(replayed).expect(401);
    });
  });

  // Last: it takes the administrator role from this file's harness admin or from another one.
  describe('the last active administrator', () => {
    const versionOf = async (id: string) =>
      (await query<{ version: number }>('SELECT version FROM users WHERE id = $1', [id]))[0].version;

    it('cannot be taken away by two requests at once: they run one after the other, the second answers 409', async () => {
      const first = t.http as unknown as Agent;
      // Exactly two active admins: the harness admin and one more.
      await query(`UPDATE users SET active = false WHERE role = 'admin' AND id <> $1`, [first.userId]);
      const second = await t.as({ role: Role.Admin });
      // Hold the admins' rows, so both requests are in flight (past login and their reads) together.
      const holder = t.dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await holder.query(`SELECT id FROM users WHERE role = 'admin' AND active FOR UPDATE`);
      const requests = Promise.all([
        first
          .patch(`/api/users/${second.userId}`)
          .set('Accept-Language', 'en')
          .send({ version: await versionOf(second.userId), role: 'viewer' }),
        second
          .patch(`/api/users/${first.userId}`)
          .set('Accept-Language', 'en')
          .send({ version: await versionOf(first.userId), role: 'viewer' }),
      ]);
      try {
        const deadline = Date.now() + 10_000;
        for (;;) {
          const [{ waiting }] = await query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (waiting >= 2) break;
          if (Date.now() > deadline) throw new Error(`only ${waiting} request(s) waited for the admins' rows`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await holder.commitTransaction();
        await holder.release();
      }
      const [one, two] = await requests;
      expect([one.status, two.status].sort()).toEqual([200, 409]);
      const refused = one.status === 409 ? one : two;
      expect(refused.body.code).toBe('last_admin');
      expect(refused.body.message).toContain('last active administrator');
      const admins = await query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' AND active`);
      expect(admins).toHaveLength(1);
    });

    it('cannot be deactivated, demoted or deleted, until another admin exists', async () => {
      const [{ id: last }] = await query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' AND active`);
      const lastAdmin = (t.http as unknown as Agent).userId === last ? (t.http as unknown as Agent) : undefined;
      const acting = lastAdmin ?? (await signInAs(last));
      for (const change of [{ active: false }, { role: 'coordinator' }]) {
        const response = await acting.patch(`/api/users/${last}`).send({ version: await versionOf(last), ...change });
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('last_admin');
      }
      await acting.delete(`/api/users/${last}`).expect(409);
      expect(await query(`SELECT id FROM users WHERE role = 'admin' AND active`)).toEqual([{ id: last }]);
      const another = await t.as({ role: Role.Admin });
      await another
        .patch(`/api/users/${last}`)
        .send({ version: await versionOf(last), active: false })
        .expect(200);
    });

    /** A fresh login of an existing user (test users share one password). */
    async function signInAs(userId: string): Promise<Agent> {
      const [{ username }] = await query<{ username: string }>('SELECT username FROM users WHERE id = $1', [userId]);
      const session = await login(username).expect(200);
      const agent = request.agent(t.app.getHttpServer()).set('Authorization', `Bearer ${session.body.accessToken}`);
      return Object.assign(agent, { accessToken: session.body.accessToken as string, userId, username });
    }
  });
});
