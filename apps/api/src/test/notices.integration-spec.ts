import { ConsoleLogger } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertExecutor, CrewDispatch, NoticesChannelsModule } from '@worksite/notices-channels';
import { NOTICE_CLOCK, NoticeRunsService, RemindersService } from '@worksite/notices-data-access';
import { CrewsFixture, HttpReceiver, seedCrewsWithWork, SmtpSink } from '@worksite/notices-testing';
import { AppConfig, AppConfigModule } from '@worksite/server-config';
import { dataSourceOptions } from '@worksite/server-data-access';
import { QueueModule } from '@worksite/server-queue';
import { Role } from '@worksite/shared-domain';
import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';
import { createTestApp, TestApp } from '../testing/test-app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const ZONE = 'Asia/Shanghai';
const LINK = /http:\/\/worksite\.test(\/api\/ack\/[A-Za-z0-9_-]{43})/;

describe('nightly notices over HTTP', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let http: HttpReceiver;
  let senders: TestingModule;
  let fixture: CrewsFixture;
  let coordinator: Agent;
  let contractor: Agent;
  let runId: string;
  const clock: { at?: number } = {};
  const date = addDays(localDateOf(Date.now(), ZONE), 1);
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    t.dataSource.query(sql, params) as Promise<T[]>;
  const noticeOf = async (crew: number) =>
    (
      await query<{ id: string; acknowledged_at: Date | null; acknowledged_via: string | null }>(
        'SELECT id, acknowledged_at, acknowledged_via FROM notices WHERE crew_id = $1 ORDER BY revision DESC LIMIT 1',
        [fixture.crews[crew].id],
      )
    )[0];
  const linkOf = (crew: number) => {
    const mail = sink.received.find((m) => m.to.includes(fixture.crews[crew].email));
    return (LINK.exec(mail?.text ?? '') as RegExpExecArray)[1];
  };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    http = await HttpReceiver.start();
    t = await createTestApp({
      PUBLIC_URL: 'http://worksite.test',
      SMTP_URL: sink.url,
      SMS_GATEWAY_URL: http.url('/sms'),
      NOTICE_SEND_TIME: '19:30',
    });
    const config = t.app.get(AppConfig);
    // The worker's sending side, in this process, on the same database and Redis namespace.
    senders = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        QueueModule.forRoot('producer'),
        NoticesChannelsModule,
      ],
    })
      .overrideProvider(NOTICE_CLOCK)
      .useValue(() => clock.at ?? Date.now())
      .setLogger(new ConsoleLogger('senders', { logLevels: ['error'] }))
      .compile();
    await senders.init();
    fixture = await seedCrewsWithWork(t.dataSource, {
      crews: 4,
      date,
      tasksPerCrew: 2,
      channels: (i) =>
        i === 1 ? [{ kind: 'wecom', address: http.url('/cgi-bin/webhook/send?key=robot-key-123456') }] : [],
    });
    coordinator = await t.as({ role: Role.Coordinator, projectIds: [fixture.projectId] });
    contractor = await t.as({ role: Role.Contractor, crewIds: [fixture.crews[0].id, fixture.crews[2].id] });
  }, 60_000);

  afterAll(async () => {
    await senders?.close();
    await t?.close();
    await sink?.close();
    await http?.close();
  });

  it('says when the nightly notices go out, as configured', async () => {
    const answer = await coordinator.get('/api/notice-runs/schedule').expect(200);
    expect(answer.body).toEqual({ sendTime: '19:30', reminderTime: '21:30', escalationTime: '07:00' });
  });

  it("starts the project's run once when a coordinator sends tomorrow's notices now", async () => {
    const first = await coordinator.post('/api/notice-runs').send({ projectId: fixture.projectId }).expect(201);
    expect(first.body).toMatchObject({
      created: true,
      started: true,
      run: { runDate: date, status: 'pending', trigger: 'manual' },
    });
    expect(first.body.reason).toBeUndefined();
    runId = first.body.run.id;
    const second = await coordinator.post('/api/notice-runs').send({ projectId: fixture.projectId, date }).expect(200);
    expect(second.body).toMatchObject({ created: false, started: false, reason: 'in_progress', run: { id: runId } });
    const stranger = await t.as({ role: Role.Coordinator, projectIds: [] });
    await stranger.post('/api/notice-runs').send({ projectId: fixture.projectId }).expect(404);
    const late = await coordinator
      .post('/api/notice-runs')
      .set('Accept-Language', 'en')
      .send({ projectId: fixture.projectId, date: addDays(date, 3) })
      .expect(400);
    expect(late.body.problems).toEqual([{ field: 'date', messages: [expect.stringContaining('today or tomorrow')] }]);
    await coordinator.post('/api/notice-runs').send({ projectId: fixture.projectId, date: '2026-02-30' }).expect(400);
    await coordinator.post('/api/notice-runs').send({ projectId: fixture.projectId, force: true }).expect(400);
    const [{ count }] = await query<{ count: number }>('SELECT count(*)::int AS count FROM notice_runs');
    expect(count).toBe(1);
  });

  it('shows the run’s progress and summary while and after the crews are notified', async () => {
    // What the worker's run and crew jobs do, here in the test process.
    const fanned = await senders.get(NoticeRunsService).fanOut(runId, new Date());
    expect(fanned?.crewIds.sort()).toEqual(fixture.crews.map((c) => c.id).sort());
    const before = await coordinator.get(`/api/notice-runs/${runId}`).expect(200);
    expect(before.body).toMatchObject({ status: 'running', crewsTotal: 4, crewsDone: 0 });
    await senders.get(CrewDispatch).processCrew(runId, fixture.crews[0].id, date);
    // The list shows the stored counters: the sender recounts the run within a second or two.
    const listed = async () =>
      (await coordinator.get(`/api/notice-runs?projectId=${fixture.projectId}&date=${date}`).expect(200)).body.items[0];
    const deadline = Date.now() + 5000;
    while ((await listed()).crewsDone !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await listed()).toMatchObject({ crewsDone: 1, deliveriesSent: 1 });
    const partway = await coordinator.get(`/api/notice-runs/${runId}`).expect(200);
    expect(partway.body).toMatchObject({
      status: 'running',
      crewsTotal: 4,
      crewsDone: 1,
      deliveriesSent: 1,
      deliveriesFailed: 0,
    });
    for (const crew of fixture.crews.slice(1)) await senders.get(CrewDispatch).processCrew(runId, crew.id, date);
    const done = await coordinator.get(`/api/notice-runs/${runId}`).expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      crewsTotal: 4,
      crewsDone: 4,
      crewsFailed: 0,
      deliveriesSent: 5,
      deliveriesUnknown: 0,
      acknowledged: 0,
      unacknowledged: 4,
      amendments: 0,
    });
    const list = await coordinator.get(`/api/notice-runs?projectId=${fixture.projectId}&date=${date}`).expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([runId]);
    expect(sink.received).toHaveLength(4);
    // "Send now" pressed again after the run: nothing new is sent, and the answer says so.
    const again = await coordinator.post('/api/notice-runs').send({ projectId: fixture.projectId, date }).expect(200);
    expect(again.body).toMatchObject({ created: false, started: false, reason: 'already_sent', run: { id: runId } });
    const [{ runs }] = await query<{ runs: number }>('SELECT count(*)::int AS runs FROM notice_runs');
    expect(runs).toBe(1);
  });

  it('lists notices and deliveries by date, crew and status, within what each role may see', async () => {
    const notices = await coordinator.get(`/api/notices?date=${date}&runId=${runId}`).expect(200);
    expect(notices.body.total).toBe(4);
    const one = await coordinator.get(`/api/notices?crewId=${fixture.crews[1].id}`).expect(200);
    expect(one.body.items).toEqual([
      expect.objectContaining({ crewName: fixture.crews[1].name, revision: 1, reason: 'initial', taskCount: 2 }),
    ]);
    const detail = await coordinator.get(`/api/notices/${one.body.items[0].id}`).expect(200);
    expect(detail.body.content.tasks).toHaveLength(2);
    expect(detail.body.deliveries.map((d: { kind: string; status: string }) => [d.kind, d.status]).sort()).toEqual([
      ['email', 'sent'],
      ['wecom', 'sent'],
    ]);
    const robot = detail.body.deliveries.find((d: { kind: string }) => d.kind === 'wecom');
    expect(robot.address).not.toContain('robot-key-123456');
    expect(robot.address).toMatch(/\/cgi-bin\/webhook\/send\?…3456$/);

    const sent = await coordinator.get(`/api/deliveries?date=${date}&status=sent&kind=email`).expect(200);
    expect(sent.body.total).toBe(4);
    expect((await coordinator.get(`/api/deliveries?date=${date}&status=failed,unknown`).expect(200)).body.total).toBe(
      0,
    );
    const bad = await coordinator.get('/api/deliveries?status=lost').expect(400);
    expect(bad.body.problems[0].field).toBe('status');

    const own = await contractor.get('/api/notices').expect(200);
    expect(own.body.items.map((n: { crewId: string }) => n.crewId).sort()).toEqual(
      [fixture.crews[0].id, fixture.crews[2].id].sort(),
    );
    expect((await contractor.get('/api/deliveries').expect(200)).body.total).toBe(2);
    expect((await contractor.get('/api/notice-runs').expect(200)).body.total).toBe(0);
    await contractor.get(`/api/notices/${one.body.items[0].id}`).expect(404);
    const agency = await t.as({ role: Role.Agency, departmentId: null });
    expect((await agency.get('/api/notices').expect(200)).body.total).toBe(0);
  });

  it('shows a confirmation page for the link, acknowledges only on confirm, once, and never grants a session', async () => {
    const path = linkOf(0);
    for (let i = 0; i < 2; i++) {
      const page = await t.anonymous.get(path).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('<form method="post"');
      expect(page.text).toContain(fixture.crews[0].name);
      // The day's tasks as the email lists them, readable without signing in; no script.
      const [notice] = await query<{ content: { tasks: { title: string }[] } }>(
        'SELECT content FROM notices WHERE crew_id = $1 ORDER BY revision DESC LIMIT 1',
        [fixture.crews[0].id],
      );
      expect(notice.content.tasks).toHaveLength(2);
      for (const task of notice.content.tasks) expect(page.text).toContain(`${task.title}</h3>`);
      expect(page.text).not.toMatch(/<script/i);
      expect(page.headers['content-security-policy']).toMatch(/script-src 'self'|default-src 'self'/);
    }
    expect((await noticeOf(0)).acknowledged_at).toBeNull();
    await t.anonymous
      .get('/api/notices')
      .set('Authorization', `Bearer ${path.split('/').pop()}`)
      .expect(401);

    const confirmed = await t.anonymous.post(path).type('form').send('').expect(200);
    expect(confirmed.text).toContain('已确认');
    expect(confirmed.headers['set-cookie']).toBeUndefined();
    const first = await noticeOf(0);
    expect(first.acknowledged_at).toBeInstanceOf(Date);
    expect(first.acknowledged_via).toBe('link');
    const [delivery] = await query<{ acknowledged_at: Date | null }>(
      'SELECT acknowledged_at FROM deliveries WHERE notice_id = $1',
      [first.id],
    );
    expect(delivery.acknowledged_at).toBeInstanceOf(Date);

    const again = await t.anonymous.post(path).expect(200);
    expect(again.text).toContain('此前已确认');
    expect((await noticeOf(0)).acknowledged_at).toEqual(first.acknowledged_at);
    const run = await coordinator.get(`/api/notice-runs/${runId}`).expect(200);
    expect(run.body).toMatchObject({ acknowledged: 1, unacknowledged: 3 });
  });

  it('refuses a tampered or an expired link and changes nothing', async () => {
    const path = linkOf(1);
    const last = path.slice(-1);
    const tampered = `${path.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
    await t.anonymous.get(tampered).expect(404);
    await t.anonymous.post(tampered).expect(404);
    await t.anonymous.post('/api/ack/not-a-token').expect(404);
    await t.anonymous.post(`${path}x`).expect(404);
    expect((await noticeOf(1)).acknowledged_at).toBeNull();

    await query(`UPDATE notice_ack_tokens SET expires_at = now() - interval '1 minute' WHERE notice_id = $1`, [
      (await noticeOf(1)).id,
    ]);
    const expired = await t.anonymous.get(path).expect(410);
    expect(expired.text).toContain('链接已过期');
    await t.anonymous.post(path).expect(410);
    expect((await noticeOf(1)).acknowledged_at).toBeNull();
  });

  it("lets the crew's lead acknowledge while signed in, once", async () => {
    const notice = await noticeOf(2);
    const first = await contractor.post(`/api/notices/${notice.id}/acknowledge`).expect(200);
    expect(first.body).toMatchObject({ acknowledged: true, changed: true, notice: { acknowledgedVia: 'session' } });
    const second = await contractor.post(`/api/notices/${notice.id}/acknowledge`).expect(200);
    expect(second.body).toMatchObject({ changed: false });
    await coordinator.post(`/api/notices/${notice.id}/acknowledge`).expect(403);
  });

  it("stores the time of the lead's tap that a phone sends late, within 5 minutes ahead and 7 days back", async () => {
    const notice = await noticeOf(2);
    const ackOf = async () =>
      (await query<{ at: Date | null }>('SELECT acknowledged_at AS at FROM notices WHERE id = $1', [notice.id]))[0].at;
    // Sent last night; not yet acknowledged (the test before acknowledged it at once).
    await query(
      `UPDATE notices SET created_at = now() - interval '12 hours', acknowledged_at = NULL, acknowledged_via = NULL,
              acknowledged_by = NULL WHERE id = $1`,
      [notice.id],
    );
    const [{ createdAt }] = await query<{ createdAt: Date }>(
      'SELECT created_at AS "createdAt" FROM notices WHERE id = $1',
      [notice.id],
    );
    const ack = (tappedAt: unknown) => contractor.post(`/api/notices/${notice.id}/acknowledge`).send({ tappedAt });
    const refused = [
      new Date(Date.now() + 10 * 60_000).toISOString(),
      new Date(Date.now() - 8 * 86_400_000).toISOString(),
    ];
    for (const tappedAt of refused) {
      const zh = await ack(tappedAt).expect(400);
      expect(zh.body.message).toBe('确认时间无效：不能比现在晚 5 分钟以上，也不能早于 7 天前。');
      expect(zh.body.problems).toEqual([expect.objectContaining({ field: 'tappedAt' })]);
      const en = await ack(tappedAt).set('Accept-Language', 'en').expect(400);
      expect(en.body.message).toBe(
        'The time of the acknowledgement is out of range: at most 5 minutes ahead of now and at most 7 days ago.',
      );
    }
    await ack('last night').expect(400);
    await ack(12345).expect(400);
    await contractor.post(`/api/notices/${notice.id}/acknowledge`).send({ at: new Date().toISOString() }).expect(400);
    expect(await ackOf()).toBeNull();

    // Tapped in the trench three hours ago (a clock a little ahead is fine too), sent now: the tap's time is kept.
    const tapped = new Date(Date.now() - 3 * 3600_000);
    const first = await ack(tapped.toISOString().replace('Z', '+00:00')).expect(200);
    expect(first.body).toMatchObject({ changed: true, notice: { acknowledgedAt: tapped.toISOString() } });
    expect(await ackOf()).toEqual(tapped);
    const again = await ack(new Date(Date.now() + 2 * 60_000).toISOString()).expect(200);
    expect(again.body).toMatchObject({ changed: false, notice: { acknowledgedAt: tapped.toISOString() } });

    // A phone whose clock runs behind: never acknowledged before the notice existed.
    await query('UPDATE notices SET acknowledged_at = NULL WHERE id = $1', [notice.id]);
    await ack(new Date(createdAt.getTime() - 3600_000).toISOString()).expect(200);
    expect(await ackOf()).toEqual(createdAt);
  });

  it('resends a crew’s notice as the next revision on all its channels', async () => {
    const notice = await noticeOf(3);
    const resent = await coordinator.post(`/api/notices/${notice.id}/resend`).expect(201);
    expect(resent.body).toMatchObject({
      revision: 2,
      reason: 'resend',
      deliveries: [expect.objectContaining({ status: 'planned' })],
    });
    await senders.get(CrewDispatch).processDelivery(resent.body.deliveries[0].id);
    const mails = sink.received.filter((m) => m.to.includes(fixture.crews[3].email));
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringContaining('明日施工安排'),
      expect.stringContaining('重发第2版'),
    ]);
    const latest = await coordinator.get(`/api/notices?crewId=${fixture.crews[3].id}&latest=true`).expect(200);
    expect(latest.body.items.map((n: { revision: number }) => n.revision)).toEqual([2]);
    await contractor.post(`/api/notices/${notice.id}/resend`).expect(404);
  });

  it('flags crews still unacknowledged in the morning to the coordinators, and alerts them once', async () => {
    await query(`UPDATE users SET email = 'coordinator@worksite.test' WHERE id = $1`, [coordinator.userId]);
    clock.at = instantOf(date, '07:05', ZONE).getTime();
    const alerts = await senders.get(RemindersService).escalateDue();
    expect(await senders.get(RemindersService).escalateDue()).toEqual([]);
    const flagged = await coordinator
      .get(`/api/notice-escalations?projectId=${fixture.projectId}&date=${date}`)
      .expect(200);
    expect(flagged.body.items.map((e: { crewName: string }) => e.crewName).sort()).toEqual(
      [fixture.crews[1].name, fixture.crews[3].name].sort(),
    );
    expect(flagged.body.items[0].coordinators).toEqual([
      expect.objectContaining({ id: coordinator.userId, email: 'coordinator@worksite.test' }),
    ]);
    // The coordinator's email, and an SMS to the project's coordinator phone (an SMS gateway is set).
    expect(alerts).toHaveLength(2);
    for (const id of [...alerts, ...alerts]) await senders.get(AlertExecutor).attempt(id);
    const texts = http.to('/sms').filter((r) => (r.body as { to: string }).to === '13800241100');
    expect(texts).toHaveLength(1);
    expect((texts[0].body as { text: string }).text).toContain('未确认');
    const alert = sink.received.filter((m) => m.to.includes('coordinator@worksite.test'));
    expect(alert).toHaveLength(1);
    expect(alert[0].subject).toContain('2 个班组未确认');
    expect(alert[0].text).toContain(fixture.crews[1].name);
    expect((await contractor.get('/api/notice-escalations').expect(200)).body.total).toBe(0);
  });

  it('opens the queue dashboard only to administrators, with a short-lived cookie', async () => {
    const locked = await t.anonymous.get('/api/admin/queues').expect(401);
    expect(locked.body.code).toBe('unauthorized');
    await coordinator.post('/api/admin/queue-session').expect(403);
    const session = await t.http.post('/api/admin/queue-session').expect(201);
    const cookie = (session.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(
      /^ws_queues=[A-Za-z0-9_-]{43}; Max-Age=900; Path=\/api\/admin\/queues; .*HttpOnly; SameSite=Strict/,
    );
    const value = cookie.split(';')[0];
    const page = await t.anonymous.get('/api/admin/queues').set('Cookie', value).expect(200);
    expect(page.text).toContain('Worksite queues');
    const queues = await t.anonymous.get('/api/admin/queues/api/queues').set('Cookie', value).expect(200);
    expect(JSON.stringify(queues.body)).toContain('notices');
    await t.anonymous
      .get('/api/admin/queues/api/queues')
      .set('Cookie', `ws_queues=${'x'.repeat(43)}`)
      .expect(401);
  });
});
