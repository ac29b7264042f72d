import { Role } from '@worksite/shared-domain';
import { createTestApp, TestApp } from '../testing/test-app';

/**
 * Server messages are in the user's language: Accept-Language zh* or en*, Chinese when the
 * header names neither. Each status the api answers with is checked in both languages.
 */
describe("error messages in the user's language", () => {
  let t: TestApp;
  const NO_ROW = '6f1c1c3e-4c51-4b1e-9d7e-000000000000';

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it.each([
    [undefined, 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['EN-gb', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh;q=0.4, en;q=0.8', 'en'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr', 'zh-CN'],
    ['*', 'zh-CN'],
  ])('Accept-Language %s → %s', async (header, locale) => {
    const request = t.anonymous.get('/api/projects');
    const response = await (header === undefined ? request : request.set('Accept-Language', header));
    expect(response.status).toBe(401);
    expect(response.headers['content-language']).toBe(locale);
    expect(response.headers['vary']).toMatch(/Accept-Language/i);
    expect(response.body.message).toBe(
      locale === 'en' ? 'Please log in: this request carries no access token.' : '请先登录：此请求没有携带访问令牌。',
    );
  });

  it('403: a viewer changes nothing', async () => {
    const viewer = await t.as({ role: Role.Viewer });
    const body = { kind: 'water', name: '沈阳水务集团' };
    const zh = await viewer.post('/api/departments').send(body).expect(403);
    const en = await viewer.post('/api/departments').set('Accept-Language', 'en').send(body).expect(403);
    expect([zh.body, en.body]).toEqual([
      { statusCode: 403, code: 'forbidden', message: '您的角色只能查看，不能修改。' },
      { statusCode: 403, code: 'forbidden', message: 'Your role may read but not change anything.' },
    ]);
  });

  it('404: a missing row is named, and so is a route that does not exist', async () => {
    const zh = await t.http.get(`/api/crews/${NO_ROW}`).expect(404);
    const en = await t.http.get(`/api/crews/${NO_ROW}`).set('Accept-Language', 'en').expect(404);
    expect([zh.body.message, en.body.message]).toEqual([
      `班组 ${NO_ROW} 不存在。`,
      `The crew ${NO_ROW} does not exist.`,
    ]);
    const route = await t.http.post('/api/nowhere').set('Accept-Language', 'en').send({}).expect(404);
    expect(route.body).toEqual({ statusCode: 404, code: 'not_found', message: 'There is no POST /api/nowhere.' });
    const routeZh = await t.http.delete('/api/nowhere/1').expect(404);
    expect(routeZh.body.message).toBe('没有这个接口：DELETE /api/nowhere/1。');
  });

  it('409: a stale version names the record and its current version', async () => {
    const created = await t.http.post('/api/departments').send({ kind: 'gas', name: '沈阳燃气集团' }).expect(201);
    const id = created.body.id as string;
    await t.http.patch(`/api/departments/${id}`).send({ version: 1, name: '沈阳燃气' }).expect(200);
    const zh = await t.http.patch(`/api/departments/${id}`).send({ version: 1, name: '燃气' }).expect(409);
    const en = await t.http
      .patch(`/api/departments/${id}`)
      .set('Accept-Language', 'en')
      .send({ version: 1, name: '燃气' })
      .expect(409);
    expect(zh.body).toEqual({
      statusCode: 409,
      code: 'version_conflict',
      message: `部门 ${id} 已被他人修改（当前版本 2），请刷新后重试。`,
      currentVersion: 2,
    });
    expect(en.body.message).toBe(
      `The department ${id} was changed by someone else (now version 2); reload and try again.`,
    );
  });

  it('409 from the database: a duplicate names the fields in the same language', async () => {
    const body = { kind: 'power', name: '国网沈阳供电公司' };
    await t.http.post('/api/departments').send(body).expect(201);
    const zh = await t.http.post('/api/departments').send(body).expect(409);
    const en = await t.http.post('/api/departments').set('Accept-Language', 'en').send(body).expect(409);
    expect(zh.body).toEqual({
      statusCode: 409,
      code: 'already_exists',
      message: '已存在name相同的部门。',
      problems: [{ field: 'name', messages: ['不能与已有记录重复'] }],
    });
    expect(en.body.message).toBe('A department with the same name already exists.');
  });

  it('422: a dependency cycle names its tasks', async () => {
    const calendar = await t.http.post('/api/calendars').send({ name: '日历' }).expect(201);
    const department = await t.http.post('/api/departments').send({ kind: 'telecom', name: '中国联通' }).expect(201);
    const project = await t.http
      .post('/api/projects')
      .send({ code: 'CYC', name: '循环', calendarId: calendar.body.id, startDate: '2026-12-01' })
      .expect(201);
    const task = async (title: string) =>
      (
        await t.http
          .post('/api/tasks')
          .send({
            projectId: project.body.id,
            title,
            departmentId: department.body.id,
            plannedStart: '2026-12-01T08:00:00+08:00',
            durationMinutes: 60,
          })
          .expect(201)
      ).body.id as string;
    const [a, b] = [await task('开挖'), await task('回填')];
    await t.http.post('/api/dependencies').send({ predecessorId: a, successorId: b }).expect(201);
    const zh = await t.http.post('/api/dependencies').send({ predecessorId: b, successorId: a }).expect(422);
    const en = await t.http
      .post('/api/dependencies')
      .set('Accept-Language', 'en')
      .send({ predecessorId: b, successorId: a })
      .expect(422);
    expect(zh.body.message).toBe('此依赖关系会形成循环：开挖 → 回填 → 开挖');
    expect(en.body.message).toBe('This dependency would close a cycle: 开挖 → 回填 → 开挖');
    expect(zh.body.cycle).toEqual(en.body.cycle);
  });

  describe('429', () => {
    let limited: TestApp;

    beforeAll(async () => {
      // Three logins a minute: the test app's own administrator uses the first.
      limited = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: 3 });
    }, 60_000);

    afterAll(async () => {
      await limited?.close();
    });

    it('the rate limit says so in the language asked for', async () => {
      const login = () => limited.anonymous.post('/api/auth/login').send({ username: 'nobody', password: 'wrong-one' });
      await login().expect(401);
      await login().expect(401);
      const zh = await login().expect(429);
      const en = await login().set('Accept-Language', 'en').expect(429);
      expect([zh.body, en.body]).toEqual([
        { statusCode: 429, code: 'too_many_requests', message: '请求过于频繁，请稍后再试。' },
        {
          statusCode: 429,
          code: 'too_many_requests',
          message: 'Too many requests; please wait a moment and try again.',
        },
      ]);
    });
  });
});
