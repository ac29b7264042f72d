import { ConsoleLogger } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalloutExecutor, IncidentsDataModule, IncidentSweeps } from '@worksite/incidents-data-access';
import {
  cableFirePlaybook,
  IncidentWorld,
  rosterBody,
  seedIncidentWorld,
  WORLD_DEPARTMENTS,
} from '@worksite/incidents-testing';
import { HttpReceiver, SmtpSink } from '@worksite/notices-testing';
import { AppConfig, AppConfigModule } from '@worksite/server-config';
import { dataSourceOptions } from '@worksite/server-data-access';
import { readPdf } from '@worksite/server-pdf';
import { QueueModule, QueueName, redisOptions } from '@worksite/server-queue';
import { ConnectionOptions, Worker } from 'bullmq';
import { IncidentDetailDto, IncidentKind, IncidentSeverity, Role } from '@worksite/shared-domain';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { createTestApp, TestApp } from '../testing/test-app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const LINK = /http:\/\/worksite\.test(\/api\/incident-ack\/[A-Za-z0-9_-]{43})/;

async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The board an incident event carries. */
const dataOf = (event: string) =>
  JSON.parse(
    event
      .split('\n')
      .find((line) => line.startsWith('data: '))
      ?.slice(6) ?? '{}',
  ) as IncidentDetailDto;

/** The first `count` server-sent events of a stream, then the connection is dropped. */
async function readEvents(
  t: TestApp,
  path: string,
  token: string,
  count: number,
  whileOpen: () => Promise<void>,
): Promise<string[]> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const events: string[] = [];
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`stream answered ${res.statusCode}`));
      expect(res.headers['content-type']).toContain('text/event-stream');
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          if (!block.includes('event: incident')) continue;
          events.push(block);
          if (events.length === 1) void whileOpen().catch(reject);
          if (events.length === count) {
            req.destroy();
            resolve(events);
          }
        }
      });
    });
    req.on('error', (error) => (events.length < count ? reject(error) : undefined));
    req.end();
  });
}

describe('incidents: the cable fire end to end', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let http: HttpReceiver;
  let worker: TestingModule;
  let consumer: Worker;
  let world: IncidentWorld;
  let coordinator: Agent;
  let incident: IncidentDetailDto;
  let openedAt: number;
  const stepTask = (key: string) =>
    incident.tasks.find((task) => task.stepKey === key) as IncidentDetailDto['tasks'][number];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    http = await HttpReceiver.start();
    t = await createTestApp({
      PUBLIC_URL: 'http://worksite.test',
      SMTP_URL: sink.url,
      SMS_GATEWAY_URL: http.url('/sms'),
      NOTICE_RETRY_BASE_SECONDS: 1,
    });
    const config = t.app.get(AppConfig);
    // The worker's sending side (call-out executor, sweeps) in this process, on the same database and
    // Redis namespace, consuming the real incidents queue the api fills (the worker app's processor
    // calls the same executor; bench:incident runs the built worker).
    worker = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        QueueModule.forRoot('producer'),
        IncidentsDataModule,
      ],
    })
      .setLogger(new ConsoleLogger('incidents-worker', { logLevels: ['error'] }))
      .compile();
    await worker.init();
    const executor = worker.get(CalloutExecutor);
    consumer = new Worker(QueueName.Incidents, async (job) => executor.attempt(job.data.calloutId), {
      connection: redisOptions(config.REDIS_URL, 'worker') as ConnectionOptions,
      prefix: config.REDIS_PREFIX,
      concurrency: 10,
    });
    world = await seedIncidentWorld(t.dataSource, {
      channels: (key) =>
        key === 'power' ? [{ kind: 'wecom', address: http.url('/robot/send?key=power-robot-key') }] : [],
    });
    coordinator = await t.as({ role: Role.Coordinator });
    await t.dataSource.query(
      "UPDATE users SET email = 'coordinator@worksite.test', phone = '13900001111' WHERE id = $1",
      [coordinator.userId],
    );
  }, 90_000);

  afterAll(async () => {
    await consumer?.close();
    await worker?.close();
    await t?.close();
    await sink?.close();
    await http?.close();
  });

  it('lets only admins keep playbooks, and refuses a cycle naming its steps', async () => {
    const playbook = cableFirePlaybook(world);
    await coordinator.post('/api/playbooks').send(playbook).expect(403);
    const cyclic = structuredClone(playbook);
    cyclic.steps[0].dependsOn = [{ step: 'surfaces' }];
    const refused = await t.http.post('/api/playbooks').set('Accept-Language', 'en').send(cyclic).expect(422);
    expect(refused.body.message).toContain('cycle');
    const created = await t.http.post('/api/playbooks').send(playbook).expect(201);
    expect(created.body).toMatchObject({ kind: 'cable_fire', version: 1, steps: expect.any(Array) });
    await t.http.post('/api/playbooks').send(playbook).expect(409);
    const listed = await coordinator.get('/api/playbooks?kind=cable_fire').expect(200);
    expect(listed.body.items).toHaveLength(1);
  });

  it('keeps each department’s on-call roster with its duty lead', async () => {
    for (const key of WORLD_DEPARTMENTS) {
      const saved = await coordinator
        .put(`/api/on-call/${world.departments[key]}`)
        .send(rosterBody(world, key))
        .expect(200);
      expect(saved.body).toMatchObject({ version: 1, onDutyCrewId: world.crews[key].id });
    }
    await coordinator
      .put(`/api/on-call/${world.departments.power}`)
      .send({ ...rosterBody(world, 'power'), version: 0 })
      .expect(409);
    const wrongCrew = await coordinator
      .put(`/api/on-call/${world.departments.power}`)
      .send({ ...rosterBody(world, 'power'), version: 1, defaultCrewId: world.crews.mobile.id })
      .expect(422);
    expect(wrongCrew.body.problems[0].field).toBe('defaultCrewId');
  });

  it('opens the cable fire: rush tasks with power before the operators, each crew called out at once', async () => {
    // Planned work of tomorrow for the power crew elsewhere: it clashes with the incident.
    const [calendar] = await t.dataSource.query(
      `INSERT INTO calendars (name, weekly_windows) VALUES ('其他日历', '{"1":[{"start":"08:00","end":"18:00"}]}') RETURNING id`,
    );
    const [other] = await t.dataSource.query(
      `INSERT INTO projects (code, name, time_zone, calendar_id, start_date)
       VALUES ('OTHER-1', '其他项目', 'Asia/Shanghai', $1, current_date) RETURNING id`,
      [calendar.id],
    );
    await t.dataSource.query(
      `INSERT INTO tasks (project_id, title, department_id, crew_id, location_id, planned_start, planned_finish, start_date, finish_date, duration_minutes)
       VALUES ($1, '明日计划的表箱改接', $2, $3, $4, now() + interval '20 hours', now() + interval '22 hours', current_date, current_date, 120)`,
      [other.id, world.departments.power, world.crews.power.id, world.buildingId],
    );
    openedAt = Date.now();
    const opened = await coordinator
      .post('/api/incidents')
      .send({
        kind: IncidentKind.CableFire,
        severity: IncidentSeverity.Major,
        title: '八经街32号楼1单元缓步台电缆起火',
        callerName: '1单元2楼住户',
        callerPhone: '13700000000',
        locationId: world.unitId,
        accessNotes: '从八经街北门进入',
      })
      .expect(201);
    incident = opened.body;
    expect(incident).toMatchObject({
      status: 'open',
      kind: 'cable_fire',
      site: { unitName: '1单元', buildingName: '32号楼', households: world.households.unit },
      paperworkDone: false,
    });
    // The board shows its times in the zone of the incident's project.
    const [{ time_zone: zone }] = await t.dataSource.query('SELECT time_zone FROM projects WHERE id = $1', [
      incident.projectId,
    ]);
    expect(incident.timeZone).toBe(zone);
    expect(incident.code).toMatch(/^INC-\d{8}-01$/);
    const at = (key: string, end: 'plannedStart' | 'plannedFinish') => Date.parse(stepTask(key)[end]);
    expect(at('power-restored', 'plannedStart')).toBeGreaterThanOrEqual(at('power-safe', 'plannedFinish'));
    for (const operator of ['mobile', 'telecom', 'unicom']) {
      expect(at(operator, 'plannedStart')).toBeGreaterThanOrEqual(at('power-restored', 'plannedFinish'));
      expect(stepTask(operator).predecessorIds).toEqual([stepTask('power-restored').taskId]);
    }
    expect(at('surfaces', 'plannedStart')).toBeGreaterThanOrEqual(at('unicom', 'plannedFinish'));
    // The incident's project runs round the clock: the operators start right after power is back, whatever the hour.
    expect(at('mobile', 'plannedStart')).toBe(at('power-restored', 'plannedFinish'));
    expect(incident.departments.map((d) => d.departmentId).sort()).toEqual(Object.values(world.departments).sort());
    expect(incident.departments.every((d) => d.crewId === world.crews[keyOf(d.departmentId)].id)).toBe(true);
    expect(incident.events[0]).toMatchObject({ kind: 'reported', actorName: coordinator.username });
    // The power crew is booked on it, and it is at the incident's building.
    expect(incident.clashes.map((c) => c.reason).sort()).toEqual(['same-crew', 'same-location']);
    expect(incident.clashes[0]).toMatchObject({ taskTitle: '明日计划的表箱改接', crewId: world.crews.power.id });
    expect(incident.events.map((e) => e.kind)).toContain('clash_flagged');

    // Every on-duty crew's email and the power crew's robot, within seconds.
    const mails = await waitFor(
      'a call-out email to each on-duty crew',
      () =>
        WORLD_DEPARTMENTS.every((key) => sink.received.some((m) => m.to.includes(world.crews[key].email))) &&
        sink.received,
    );
    await http.waitFor('/robot', 1, 10_000);
    const elapsed = Date.now() - openedAt;
    expect(elapsed).toBeLessThan(10_000);
    const power = mails.find((m) => m.to.includes(world.crews.power.email));
    expect(power?.subject).toContain('【紧急抢修】');
    expect(power?.text).toContain('32号楼');
    expect(power?.text).toContain('切断电源、现场安全隔离');
    expect(mails.some((m) => m.to.some((to) => to.includes('-off@')))).toBe(false);
    const robot = http.to('/robot')[0].body as { msgtype: string; markdown: { content: string } };
    expect(robot.msgtype).toBe('markdown');
    expect(robot.markdown.content).toContain('/api/incident-ack/');
    const notified = await waitFor('every department notified', async () => {
      const body = (await coordinator.get(`/api/incidents/${incident.id}`).expect(200)).body as IncidentDetailDto;
      return body.departments.every((d) => d.status === 'notified') && body;
    });
    expect(notified.departments.find((d) => d.departmentId === world.departments.power)?.callouts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'email', status: 'sent' }),
        expect.objectContaining({ kind: 'wecom', status: 'sent' }),
      ]),
    );
    // Exactly once: one message per channel.
    expect(sink.received.filter((m) => m.to.includes(world.crews.power.email))).toHaveLength(1);
  });

  it('takes the acknowledgement through the link (GET shows, POST acknowledges once)', async () => {
    const mail = sink.received.find((m) => m.to.includes(world.crews.power.email));
    const path = (LINK.exec(mail?.text ?? '') as RegExpExecArray)[1];
    const page = await t.anonymous.get(path).expect(200);
    expect(page.text).toContain('确认');
    const before = (await coordinator.get(`/api/incidents/${incident.id}`)).body as IncidentDetailDto;
    expect(before.departments.find((d) => d.departmentId === world.departments.power)?.status).toBe('notified');
    await t.anonymous.post(path).expect(200);
    const again = await t.anonymous.post(path).expect(200);
    expect(again.text).toContain('此前已确认');
    for (const key of ['mobile', 'telecom', 'construction', 'community'] as const) {
      const link = (
        LINK.exec(sink.received.find((m) => m.to.includes(world.crews[key].email))?.text ?? '') as RegExpExecArray
      )[1];
      await t.anonymous.post(link).expect(200);
    }
    const after = (await coordinator.get(`/api/incidents/${incident.id}`)).body as IncidentDetailDto;
    const powerRow = after.departments.find((d) => d.departmentId === world.departments.power);
    expect(powerRow).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String) });
    const acks = after.events.filter((e) => e.kind === 'acknowledged');
    expect(acks).toHaveLength(5);
    expect(acks.find((e) => e.departmentId === world.departments.power)).toMatchObject({
      actorKind: 'crew',
      actorName: world.crews.power.name,
    });
  });

  it('posts the emergency notice to the building’s residents’ group once a coordinator approves it, and puts it on the timeline', async () => {
    await coordinator
      .post(`/api/locations/${world.buildingId}/robots`)
      .send({ kind: 'wecom', webhook: http.url('/residents/send?key=building-robot-key') })
      .expect(201);
    const listed = (await coordinator.get(`/api/projects/${incident.projectId}/announcements`).expect(200)).body
      .items as {
      id: string;
      incidentId: string | null;
      state: string;
      title: string;
      text: string;
      version: number;
    }[];
    const emergency = listed.find((a) => a.incidentId === incident.id);
    if (!emergency) throw new Error('opening the incident drafted no resident announcement');
    expect(emergency.state).toBe('draft');
    expect(emergency.emergency).toBe(true);
    expect(emergency.text).toMatch(/^【紧急】/);
    expect(http.to('/residents')).toHaveLength(0);
    const approved = (
      await coordinator
        .post(`/api/announcements/${emergency.id}/approve`)
        .send({ version: emergency.version })
        .expect(200)
    ).body;
    await coordinator.post(`/api/announcements/${emergency.id}/post`).send({ version: approved.version }).expect(200);
    await http.waitFor('/residents', 1, 10_000);
    const post = http.to('/residents')[0].body as {
      msgtype: string;
      text?: { content: string };
      markdown?: { content: string };
    };
    expect(JSON.stringify(post)).toContain('紧急');
    const board = (await coordinator.get(`/api/incidents/${incident.id}`).expect(200)).body as IncidentDetailDto;
    expect(board.events.filter((e) => e.kind === 'resident_post_sent')).toHaveLength(1);
  });

  it('escalates the silent department to its duty lead by SMS, once', async () => {
    const sweeps = worker.get(IncidentSweeps);
    expect(await sweeps.escalate(new Date(openedAt + 5 * 60_000))).toEqual([]);
    const planned = await sweeps.escalate(new Date(openedAt + 11 * 60_000));
    expect(planned).toHaveLength(1);
    const [sms] = await http.waitFor('/sms', 1, 10_000);
    expect(sms.body).toMatchObject({
      to: rosterBody(world, 'unicom').dutyLeadPhone,
      text: expect.stringContaining('10分钟内未确认'),
    });
    expect(await sweeps.escalate(new Date(openedAt + 20 * 60_000))).toEqual([]);
    const detail = (await coordinator.get(`/api/incidents/${incident.id}`)).body as IncidentDetailDto;
    expect(detail.events.filter((e) => e.kind === 'escalated')).toEqual([
      expect.objectContaining({ departmentId: world.departments.unicom }),
    ]);
    expect(detail.departments.find((d) => d.departmentId === world.departments.unicom)?.escalatedAt).toEqual(
      expect.any(String),
    );
  });

  it('lets crews report on site and done, forward only, and only for their own department', async () => {
    const lead = await t.as({ role: Role.Contractor, crewIds: [world.crews.power.id] });
    const other = await t.as({ role: Role.Contractor, crewIds: [world.crews.mobile.id] });
    const statusPath = `/api/incidents/${incident.id}/departments/${world.departments.power}/status`;
    await other.post(statusPath).send({ status: 'on_site' }).expect(403);
    const onSite = await lead.post(statusPath).send({ status: 'on_site' }).expect(200);
    expect(
      onSite.body.departments.find((d: { departmentId: string }) => d.departmentId === world.departments.power).status,
    ).toBe('on_site');
    const back = await lead.post(statusPath).set('Accept-Language', 'en').send({ status: 'acknowledged' }).expect(409);
    expect(back.body.message).toContain('only moves forward');
    // The stranger crew's lead sees no such incident.
    const stranger = await t.as({ role: Role.Contractor, crewIds: [world.offDuty.power] });
    await stranger.get(`/api/incidents/${incident.id}`).expect(404);
    const agency = await t.as({ role: Role.Agency, departmentId: world.departments.power });
    expect((await agency.get('/api/incidents').expect(200)).body.total).toBe(1);
  });

  it('has the operators start once power is restored', async () => {
    for (const key of ['power-safe', 'power-restored']) {
      const task = (await coordinator.get(`/api/tasks/${stepTask(key).taskId}`).expect(200)).body;
      await coordinator
        .patch(`/api/tasks/${task.id}`)
        .send({ version: task.version, status: 'done', progress: 100 })
        .expect(200);
    }
    const mobileLead = await t.as({ role: Role.Contractor, crewIds: [world.crews.mobile.id] });
    const mobile = (await mobileLead.get(`/api/tasks/${stepTask('mobile').taskId}`).expect(200)).body;
    expect(mobile.crewId).toBe(world.crews.mobile.id);
    await mobileLead
      .patch(`/api/tasks/${mobile.id}`)
      .send({ version: mobile.version, status: 'in_progress' })
      .expect(200);
    // The worker's sweep puts the rush tasks' progress on the timeline, attributed to who changed them.
    expect(await worker.get(IncidentSweeps).recordTaskProgress()).toBe(3);
    expect(await worker.get(IncidentSweeps).recordTaskProgress()).toBe(0);
    const board = (await coordinator.get(`/api/incidents/${incident.id}`)).body as IncidentDetailDto;
    expect(board.events.filter((e) => e.kind === 'task_status')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          taskId: stepTask('power-restored').taskId,
          actorName: coordinator.username,
          detail: expect.objectContaining({ status: 'done', utility: 'power' }),
        }),
        expect.objectContaining({
          taskId: stepTask('mobile').taskId,
          actorName: mobileLead.username,
          detail: expect.objectContaining({ status: 'in_progress' }),
        }),
      ]),
    );
    await coordinator
      .post(`/api/incidents/${incident.id}/departments/${world.departments.power}/status`)
      .send({ status: 'done' })
      .expect(200);
  });

  it('streams the board: the state at once, then again after a change', async () => {
    const events = await readEvents(t, `/api/incidents/${incident.id}/stream`, coordinator.accessToken, 2, async () => {
      await coordinator
        .post(`/api/incidents/${incident.id}/resident-posts`)
        .send({ channel: '32号楼居民群', text: '【紧急抢修】电缆起火已扑灭，正在抢修。' })
        .expect(200);
    });
    const last = dataOf(events[1]);
    expect(last.events.map((e) => e.kind)).toContain('resident_post_sent');
    await t.anonymous.get(`/api/incidents/${incident.id}/stream`).expect(401);
    // The stream hides crews' phones as the board does: the coordinator sees them, an agency user not.
    const withCrew = (board: IncidentDetailDto) => board.departments.filter((d) => d.crewId);
    expect(withCrew(last).length).toBeGreaterThan(0);
    expect(withCrew(last).every((d) => !!d.crewPhone)).toBe(true);
    const agency = await t.as({ role: Role.Agency, departmentId: world.departments.power });
    const [first] = await readEvents(
      t,
      `/api/incidents/${incident.id}/stream`,
      agency.accessToken,
      1,
      async () => undefined,
    );
    const seen = dataOf(first);
    expect(withCrew(seen).map((d) => d.departmentId)).toEqual(withCrew(last).map((d) => d.departmentId));
    expect(withCrew(seen).every((d) => d.crewPhone === null)).toBe(true);
  });

  it('creates the paperwork task due 24 hours after the report, reminds before it, and refuses to close until it is done', async () => {
    const paperwork = (await coordinator.get(`/api/tasks/${incident.paperworkTaskId}`).expect(200)).body;
    expect(paperwork).toMatchObject({
      constraintType: 'finish_no_later_than',
      title: expect.stringContaining('事故资料'),
    });
    expect(Date.parse(paperwork.constraintAt)).toBe(Date.parse(incident.reportedAt) + 24 * 3600_000);
    expect(Date.parse(incident.paperworkDueAt)).toBe(Date.parse(incident.reportedAt) + 24 * 3600_000);

    const sweeps = worker.get(IncidentSweeps);
    expect(await sweeps.remindPaperwork(new Date(openedAt + 20 * 3600_000))).toEqual([]);
    expect(await sweeps.remindPaperwork(new Date(openedAt + 22.5 * 3600_000))).toHaveLength(2);
    expect(await sweeps.remindPaperwork(new Date(openedAt + 23 * 3600_000))).toEqual([]);
    const reminder = await waitFor('the paperwork reminder email', () =>
      sink.received.find((m) => m.to.includes('coordinator@worksite.test')),
    );
    expect(reminder.subject).toContain('事故资料');

    const zh = await coordinator.post(`/api/incidents/${incident.id}/close`).send({}).expect(409);
    expect(zh.body).toMatchObject({
      code: 'incident_paperwork_open',
      message: expect.stringContaining('事故资料任务尚未完成'),
    });
    const en = await coordinator
      .post(`/api/incidents/${incident.id}/close`)
      .set('Accept-Language', 'en')
      .send({})
      .expect(409);
    expect(en.body.message).toContain('paperwork is not done');
    const viewer = await t.as({ role: Role.Viewer });
    await viewer.post(`/api/incidents/${incident.id}/close`).send({}).expect(403);

    await coordinator
      .patch(`/api/tasks/${paperwork.id}`)
      .send({ version: paperwork.version, status: 'done', progress: 100 })
      .expect(200);
    const closed = await coordinator
      .post(`/api/incidents/${incident.id}/close`)
      .send({ note: '资料已报街道' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', paperworkDone: true, closedByName: coordinator.username });
    expect(closed.body.events.find((e: { kind: string }) => e.kind === 'closed')).toMatchObject({
      actorName: coordinator.username,
    });
    await coordinator.post(`/api/incidents/${incident.id}/close`).send({}).expect(409);
  });

  it('prints the post-incident report with the timeline', async () => {
    const response = await coordinator.get(`/api/incidents/${incident.id}/report.pdf`).responseType('blob').expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = readPdf(response.body as Buffer);
    const text = pdf.pages.flat().join('\n');
    for (const expected of [
      '突发事件处置报告',
      '处置时间线',
      '接报',
      '已确认',
      '已在居民群发布',
      '事件关闭',
      '影响户数',
      '12户',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(world.crews.power.name);
    expect(text).toContain('超时未确认');
    const english = await coordinator
      .get(`/api/incidents/${incident.id}/report.pdf`)
      .set('Accept-Language', 'en')
      .responseType('blob')
      .expect(200);
    expect(
      readPdf(english.body as Buffer)
        .pages.flat()
        .join('\n'),
    ).toContain('Timeline');
  });

  function keyOf(departmentId: string) {
    return WORLD_DEPARTMENTS.find(
      (key) => world.departments[key] === departmentId,
    ) as (typeof WORLD_DEPARTMENTS)[number];
  }
});
