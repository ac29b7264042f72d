import { createTestApp, TestApp } from '../testing/test-app';

describe('departments, contractors, crews and channels over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  it('creates, reads, lists, updates and deletes a department', async () => {
    const created = await t.http.post('/api/departments').send({ kind: 'power', name: '国网沈阳供电公司' }).expect(201);
    expect(created.body).toMatchObject({
      kind: 'power',
      name: '国网沈阳供电公司',
      version: 1,
    });
    const id = created.body.id;

    await t.http.get(`/api/departments/${id}`).expect(200, created.body);
    const list = await t.http.get('/api/departments?kind=power&q=供电').expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(list.body.items[0].id).toBe(id);

    const updated = await t.http.patch(`/api/departments/${id}`).send({ version: 1, color: '#d9480f' }).expect(200);
    expect(updated.body).toMatchObject({ color: '#d9480f', version: 2 });

    await t.http.delete(`/api/departments/${id}`).expect(204);
    await t.http.get(`/api/departments/${id}`).expect(404);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const { body } = await t.http.post('/api/departments').send({ kind: 'water', name: '沈阳水务集团' }).expect(201);
    await t.http.patch(`/api/departments/${body.id}`).send({ version: 1, name: '沈阳水务' }).expect(200);
    const stale = await t.http.patch(`/api/departments/${body.id}`).send({ version: 1, name: '被覆盖' }).expect(409);
    expect(stale.body).toMatchObject({
      code: 'version_conflict',
      currentVersion: 2,
    });
    const after = await t.http.get(`/api/departments/${body.id}`).expect(200);
    expect(after.body).toMatchObject({ name: '沈阳水务', version: 2 });
  });

  it('answers 404 for a missing id and 400 for a malformed one', async () => {
    const missing = await t.http.get('/api/crews/6f1c1c3e-4c51-4b1e-9d7e-000000000000').expect(404);
    expect(missing.body).toMatchObject({ code: 'not_found' });
    const malformed = await t.http.get('/api/crews/not-a-uuid').set('Accept-Language', 'en').expect(400);
    expect(malformed.body.problems).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
  });

  it("gives a crew its contractor's department and never returns a channel secret", async () => {
    const department = await t.http.post('/api/departments').send({ kind: 'telecom', name: '中国移动沈阳分公司' });
    const contractor = await t.http
      .post('/api/contractors')
      .send({ name: '辽宁通信工程公司', departmentId: department.body.id })
      .expect(201);
    const crew = await t.http
      .post('/api/crews')
      .send({
        name: '光缆一班',
        contractorId: contractor.body.id,
        leaderName: '李强',
        language: 'zh-CN',
      })
      .expect(201);
    expect(crew.body.departmentId).toBe(department.body.id);

    const channel = await t.http
      .post('/api/crew-channels')
      .send({
        crewId: crew.body.id,
        kind: 'dingtalk',
        address: 'http://127.0.0.1:9/robot/send',
        secret: 'SECxyz',
      })
      .expect(201);
    expect(channel.body).not.toHaveProperty('secret');
    const listed = await t.http.get(`/api/crew-channels?crewId=${crew.body.id}`).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain('SECxyz');

    const wrongKind = await t.http
      .patch(`/api/crew-channels/${channel.body.id}`)
      .set('Accept-Language', 'en')
      .send({ version: 1, kind: 'email' })
      .expect(400);
    expect(wrongKind.body.problems[0].messages[0]).toBe('address must be an email address for an email channel');
  });

  it('refuses to delete a department still used by a contractor', async () => {
    const department = await t.http.post('/api/departments').send({ kind: 'gas', name: '沈阳燃气集团' });
    await t.http.post('/api/contractors').send({ name: '燃气安装公司', departmentId: department.body.id }).expect(201);
    const refused = await t.http.delete(`/api/departments/${department.body.id}`).expect(409);
    expect(refused.body).toMatchObject({ code: 'still_referenced' });
    expect(refused.body.message).not.toMatch(/SELECT|DELETE|constraint/i);
  });
});
