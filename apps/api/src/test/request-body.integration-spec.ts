import { allTables, rowCounts } from '@worksite/server-testing';
import { Role } from '@worksite/shared-domain';
import { performance } from 'node:perf_hooks';
import { createTestApp, TestApp } from '../testing/test-app';

/**
 * What every route does with a body before it sees it, through the same middleware as
 * production (the test app serves a web root, as main.ts does): malformed JSON, a body over
 * 1 MB, a body that is not JSON, a body too deep or too wide, and the auth routes' bodies.
 */
describe('request bodies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string, type: string, text: string, language = 'en') =>
    t.http.post(path).set('Content-Type', type).set('Accept-Language', language).send(text);

  describe.each(['/api/departments', '/api/auth/login'])('POST %s', (path) => {
    it('answers malformed JSON with 400 malformed_json', async () => {
      const response = await post(path, 'application/json', '{"name": "unfinished');
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        code: 'malformed_json',
        message: 'The request body is not a valid JSON object.',
      });
    });

    it('answers a body over 1 MB with 413', async () => {
      const response = await post(path, 'application/json', JSON.stringify({ name: 'x'.repeat(1024 * 1024) }));
      expect(response.status).toBe(413);
      expect(response.body).toEqual({
        statusCode: 413,
        code: 'payload_too_large',
        message: 'The request body is too large (at most 1 MB).',
      });
    });

    it.each([
      ['text/plain', '{"name": "x"}'],
      ['application/x-www-form-urlencoded', 'name=x'],
      ['application/xml', '<name>x</name>'],
    ])('answers a %s body with 415', async (type, text) => {
      const response = await post(path, type, text);
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
      expect(response.body.message).toContain('application/json');
    });

    it('answers JSON nested 5,000 levels deep with 400, naming the limit', async () => {
      const response = await post(path, 'application/json', `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        code: 'body_too_complex',
        message: 'The request body is nested too deeply (at most 32 levels).',
      });
    });

    it('answers a JSON list with 400: every body is one object', async () => {
      const response = await post(path, 'application/json', '[{"name": "x"}]');
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('malformed_json');
    });

    it('says all this in Chinese when no language is asked for', async () => {
      const response = await t.http.post(path).set('Content-Type', 'application/json').send('{"name": ');
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('请求内容不是有效的 JSON 对象。');
      expect(response.headers['content-language']).toBe('zh-CN');
    });
  });

  describe('the auth routes validate their bodies like every other route', () => {
    it.each([
      ['login with an empty body', '/api/auth/login', {}, ['username', 'password']],
      ['login with a numeric username', '/api/auth/login', { username: 42, password: 'x' }, ['username']],
      ['login with an object as password', '/api/auth/login', { username: 'a', password: { $ne: '' } }, ['password']],
      ['login with an unknown field', '/api/auth/login', { username: 'a', password: 'b', admin: true }, ['admin']],
      ['refresh with a numeric token', '/api/auth/refresh', { refreshToken: 12345 }, ['refreshToken']],
      ['refresh with a list as token', '/api/auth/refresh', { refreshToken: ['a'] }, ['refreshToken']],
    ])('refuses %s with 400 naming the fields', async (_name, path, body, fields) => {
      const response = await t.anonymous.post(path).set('Accept-Language', 'en').send(body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.problems.map((problem: { field: string }) => problem.field).sort()).toEqual(
        [...fields].sort(),
      );
    });

    it('refuses a password change without a new password, and one that is not text', async () => {
      const user = await t.as({ role: Role.Viewer });
      const before = await rowCounts(t.dataSource, allTables(t.dataSource));
      const missing = await user
        .post('/api/auth/password')
        .set('Accept-Language', 'en')
        .send({ currentPassword: t.password });
      expect(missing.status).toBe(400);
      expect(missing.body.problems).toEqual([{ field: 'newPassword', messages: ['newPassword must be a string'] }]);
      const numeric = await user
        .post('/api/auth/password')
        .send({ currentPassword: t.password, newPassword: 12345678901 });
      expect(numeric.status).toBe(400);
      expect(numeric.body.problems.map((problem: { field: string }) => problem.field)).toEqual(['newPassword']);
      expect(await rowCounts(t.dataSource, allTables(t.dataSource))).toEqual(before);
      // Still the old password: nothing was changed.
      await t.anonymous.post('/api/auth/login').send({ username: user.username, password: t.password }).expect(200);
    });
  });

  describe('a body of 90,000 unknown fields', () => {
    const huge = JSON.stringify(
      Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`key${i.toString(36)}`, 1])),
    );

    it('is refused at once with a small answer while /api/health stays fast', async () => {
      expect(huge.length).toBeGreaterThan(900_000);
      expect(huge.length).toBeLessThan(1024 * 1024);
      let answered = false;
      const refused = Promise.resolve(post('/api/departments', 'application/json', huge)).finally(() => {
        answered = true;
      });
      // Health is asked again and again while the huge body is read, parsed and refused.
      const healthTimes: number[] = [];
      while (!answered) {
        const started = performance.now();
        const health = await t.anonymous.get('/api/health');
        healthTimes.push(performance.now() - started);
        expect(health.status).toBe(200);
      }
      const response = await refused;
      expect(healthTimes.length).toBeGreaterThan(0);
      expect(Math.max(...healthTimes)).toBeLessThan(500);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        code: 'body_too_complex',
        message: 'An object in the request body has too many fields (at most 200).',
      });
      expect(response.text.length).toBeLessThan(10 * 1024);
    }, 60_000);

    it('a body of 150 unknown fields lists the first 20 problems and counts the rest', async () => {
      const wide = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`extra${i}`, i]));
      const response = await t.http
        .post('/api/departments')
        .set('Accept-Language', 'en')
        .send({ kind: 'water', name: '沈阳水务', ...wide });
      expect(response.status).toBe(400);
      expect(response.body.problems).toHaveLength(20);
      expect(response.body.problems[0]).toEqual({ field: 'extra0', messages: ['extra0 is not a known field'] });
      expect(response.body.moreProblems).toBe(130);
      expect(response.body.message).toMatch(/\(130 more problems not listed\)\.$/);
      expect(response.text.length).toBeLessThan(10 * 1024);
    });
  });
});
