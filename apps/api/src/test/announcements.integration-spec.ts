import { AnnouncementsService } from '@worksite/announcements-api';
import { AnnouncementRobotPosts } from '@worksite/notices-channels';
import { HttpReceiver } from '@worksite/notices-testing';
import { readPdf } from '@worksite/server-pdf';
import { Role } from '@worksite/shared-domain';
import { localDateOf } from '@worksite/shared-util-time';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, SchedulingWorld } from './scheduling-world';

type Agent = Awaited<ReturnType<TestApp['as']>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;
/** Local date n days from now in Shanghai. */
const day = (n: number) => localDateOf(Date.now() + n * 86_400_000, ZONE);
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

/**
 * Resident announcements end to end over HTTP, with a real HTTP receiver as the building's
 * WeCom robot: drafts with households and dates, the approval that only coordinators and
 * admins give, posting once, the 7-day rule for power cuts as a clash, and a moved task that
 * moves its cut and re-drafts its announcement.
 */
describe('resident announcements', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let receiver: HttpReceiver;
  let project: string;
  let building: string;
  let unit: string;
  let coordinator: Agent;
  let viewer: Agent;
  let agency: Agent;
  let fiveDays: string;
  let nineDays: string;

  const list = async (): Promise<Json[]> =>
    (await coordinator.get(`/api/projects/${project}/announcements`).expect(200)).body.items;
  const of = async (taskId: string) => (await list()).find((a) => a.taskId === taskId) as Json;
  const clashes = async () =>
    (
      await coordinator
        .get(`/api/projects/${project}/conflicts`)
        .query({ from: day(0), to: day(30) })
        .expect(200)
    ).body.items.filter((c: Json) => c.kind === 'announcement-late');
  const robotPosts = () => receiver.to('/wecom/building');

  beforeAll(async () => {
    receiver = await HttpReceiver.start();
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-ANN');
    await t.http.get(`/api/projects/${project}`).expect(200);
    const projectRow = (await t.http.get(`/api/projects/${project}`)).body;
    await t.http
      .patch(`/api/projects/${project}`)
      .send({ version: projectRow.version, coordinatorName: '甄红波', coordinatorPhone: '13800000001' })
      .expect(200);
    building = await world.id('/api/locations', {
      kind: 'building',
      name: '32号楼',
      parentId: world.locations.compound,
      households: 48,
    });
    unit = await world.id('/api/locations', { kind: 'unit', name: '1单元', parentId: building, households: 24 });
    coordinator = await t.as({ role: Role.Coordinator, projectIds: [project] });
    viewer = await t.as({ role: Role.Viewer });
    agency = await t.as({ role: Role.Agency, departmentId: world.departments.power });
    await coordinator
      .post(`/api/locations/${building}/robots`)
      .send({ kind: 'wecom', webhook: receiver.url('/wecom/building'), label: '32号楼居民群' })
      .expect(201);
    const cut = (date: string) => ({
      departmentId: world.departments.power,
      crewId: world.crews.cable,
      locationId: unit,
      schedulingMode: 'manual',
      plannedStart: at(date, '08:00'),
      plannedFinish: at(date, '12:00'),
      interruptionKind: 'power',
      interruptionStartsAt: at(date, '08:30'),
      interruptionEndsAt: at(date, '11:30'),
      interruptionLocationIds: [unit],
    });
    fiveDays = await world.task(project, '表箱改接（5天后停电）', cut(day(5)));
    nineDays = await world.task(project, '电缆切改（9天后停电）', cut(day(9)));
  });

  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('drafts an announcement for every cut: where, how many households, when with dates, who, whom to call', async () => {
    const announcement = await of(fiveDays);
    expect(announcement.state).toBe('draft');
    expect(announcement.households).toBe(24);
    expect(announcement.placesText).toBe('和平新村 32号楼（1单元）');
    const [y, m, d] = day(5).split('-').map(Number);
    expect(announcement.text).toContain(`停电时间：${y}年${m}月${d}日`);
    expect(announcement.text).toContain('08:30 至 11:30');
    expect(announcement.text).toContain('停电范围：和平新村 32号楼（1单元），共 24 户');
    expect(announcement.text).toContain('施工单位：国网沈阳供电公司、沈阳电力工程有限公司');
    expect(announcement.text).toContain('联系电话：甄红波 13800000001');
    expect(announcement.timing).toBe('missing');
    expect((await of(nineDays)).timing).toBe('due');
  });

  it('lets no role but coordinators and admins approve, and never posts a draft', async () => {
    const draft = await of(fiveDays);
    for (const agent of [viewer, agency]) {
      const refused = await agent
        .post(`/api/announcements/${draft.id}/approve`)
        .set('Accept-Language', 'zh-CN')
        .send({ version: draft.version });
      expect([refused.status, refused.body.message]).toEqual([
        403,
        '只有该项目的协调员和管理员可以修改、审核和发布居民公告。',
      ]);
    }
    const english = await viewer
      .post(`/api/announcements/${draft.id}/post`)
      .set('Accept-Language', 'en')
      .send({ version: draft.version })
      .expect(403);
    expect(english.body.message).toMatch(/Only the project's coordinators and administrators/);
    const early = await coordinator
      .post(`/api/announcements/${draft.id}/post`)
      .send({ version: draft.version })
      .expect(409);
    expect(early.body.code).toBe('announcement_not_approved');
    expect(robotPosts()).toHaveLength(0);
    expect((await of(fiveDays)).state).toBe('draft');
  });

  it('posts the approved text to the building robot exactly once, retries included', async () => {
    const draft = await of(fiveDays);
    const approved = (
      await coordinator.post(`/api/announcements/${draft.id}/approve`).send({ version: draft.version }).expect(200)
    ).body;
    expect(approved.state).toBe('approved');
    const posted = (
      await coordinator.post(`/api/announcements/${draft.id}/post`).send({ version: approved.version }).expect(200)
    ).body;
    expect(posted.state).toBe('posted');
    expect(posted.posts[0].deliveries).toEqual([{ locationName: '32号楼', robotKind: 'wecom', status: 'sent' }]);
    await Promise.all([
      coordinator.post(`/api/announcements/${draft.id}/deliver`).expect(200),
      coordinator.post(`/api/announcements/${draft.id}/deliver`).expect(200),
    ]);
    const again = await coordinator
      .post(`/api/announcements/${draft.id}/post`)
      .send({ version: posted.version })
      .expect(409);
    expect(again.body.code).toBe('announcement_already_posted');
    expect(robotPosts()).toHaveLength(1);
    expect(robotPosts()[0].body).toEqual({ msgtype: 'text', text: { content: draft.text } });
  });

  it('makes a power cut announced 5 days ahead a clash, one announced 7+ days ahead not', async () => {
    const nine = await of(nineDays);
    const approved = (
      await coordinator.post(`/api/announcements/${nine.id}/approve`).send({ version: nine.version }).expect(200)
    ).body;
    await coordinator.post(`/api/announcements/${nine.id}/post`).send({ version: approved.version }).expect(200);
    expect((await of(nineDays)).timing).toBe('on-time');
    expect((await of(fiveDays)).timing).toBe('late');
    const found = await clashes();
    expect(found.map((c: Json) => [c.taskIds, c.utility, c.announcementTiming])).toEqual([
      [[fiveDays], 'power', 'late'],
    ]);
  });

  it('moves a cut with its task and re-drafts its announcement: residents must be told again', async () => {
    const task = await world.read(nineDays);
    const moved = await coordinator
      .patch(`/api/tasks/${nineDays}`)
      .send({ version: task['version'], plannedStart: at(day(9), '10:00') })
      .expect(200);
    expect(new Date(moved.body.interruptionStartsAt).getTime()).toBe(
      new Date(task['interruptionStartsAt'] as string).getTime() + 2 * HOUR,
    );
    expect(new Date(moved.body.interruptionEndsAt).getTime()).toBe(
      new Date(task['interruptionEndsAt'] as string).getTime() + 2 * HOUR,
    );
    const redrafted = await of(nineDays);
    expect([redrafted.state, redrafted.revision, redrafted.updateNeeded, redrafted.timing]).toEqual([
      'draft',
      2,
      true,
      'outdated',
    ]);
    expect(redrafted.text).toContain('10:30 至 13:30');
    expect((await clashes()).map((c: Json) => [c.taskIds[0], c.announcementTiming])).toEqual([
      [fiveDays, 'late'],
      [nineDays, 'outdated'],
    ]);
    // Undo of the move takes the cut back with the task.
    await coordinator.post(`/api/change-sets/${moved.headers['x-change-set']}/undo`).expect(200);
    const back = await world.read(nineDays);
    expect(back['interruptionStartsAt']).toBe(task['interruptionStartsAt']);
    // A bulk shift by a working day moves it as far as its task.
    await coordinator
      .post(`/api/projects/${project}/tasks/bulk`)
      .send({ tasks: [{ id: nineDays, version: back['version'] }], shiftWorkingDays: 1 })
      .expect(200);
    const shifted = await world.read(nineDays);
    const delta = (field: string) =>
      new Date(shifted[field] as string).getTime() - new Date(back[field] as string).getTime();
    expect(delta('plannedStart')).toBeGreaterThanOrEqual(24 * HOUR);
    expect([delta('interruptionStartsAt'), delta('interruptionEndsAt')]).toEqual([
      delta('plannedStart'),
      delta('plannedStart'),
    ]);
  });

  it('posts a follow-up ("已恢复供电") and prints the notice in large type', async () => {
    const posted = await of(fiveDays);
    const followed = (
      await coordinator.post(`/api/announcements/${posted.id}/follow-up`).send({ version: posted.version }).expect(200)
    ).body;
    expect(followed.state).toBe('updated');
    expect(robotPosts()).toHaveLength(3);
    expect(robotPosts()[2].body).toMatchObject({ text: { content: expect.stringContaining('已恢复供电') } });
    const response = await coordinator
      .get(`/api/announcements/${posted.id}/notice.pdf`)
      .responseType('blob')
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await readPdf(response.body as Buffer);
    expect(pdf.pages[0].join('')).toContain('停电通知');
  });

  it('drafts an emergency announcement for an incident, marked 【紧急】', async () => {
    const service = t.app.get(AnnouncementsService);
    const drafted = await service.draftForIncident({
      incidentId: '6f1c2a4e-9d4b-4c55-8b1e-2f9a0c3d7e11',
      projectId: project,
      locationIds: [unit],
      kinds: ['power' as never, 'network' as never],
      from: new Date(),
      until: null,
      reason: '电缆起火',
      departments: ['国网沈阳供电公司', '中国移动'],
      contact: '甄红波 13800000001',
    });
    expect(drafted.text.split('\n')[0]).toBe('【紧急】停电、断网抢修通知');
    expect(drafted.incidentId).toBe('6f1c2a4e-9d4b-4c55-8b1e-2f9a0c3d7e11');
    const approved = (
      await coordinator.post(`/api/announcements/${drafted.id}/approve`).send({ version: drafted.version }).expect(200)
    ).body;
    await coordinator.post(`/api/announcements/${drafted.id}/post`).send({ version: approved.version }).expect(200);
    expect(robotPosts()).toHaveLength(4);
    expect(robotPosts()[3].body).toMatchObject({ text: { content: expect.stringMatching(/^【紧急】/) } });
  });

  it('retries a post the robot refused, later, and delivers it once', async () => {
    const drafted = await t.app.get(AnnouncementsService).draftForIncident({
      incidentId: '0b7e3c1a-2f4d-4e8a-9c6b-5d1e2f3a4b5c',
      projectId: project,
      locationIds: [building],
      kinds: ['water' as never],
      from: new Date(),
      until: new Date(Date.now() + 4 * HOUR),
      reason: '供水管道爆裂',
      departments: ['沈阳水务集团'],
      contact: '甄红波 13800000001',
    });
    const approved = (
      await coordinator.post(`/api/announcements/${drafted.id}/approve`).send({ version: drafted.version }).expect(200)
    ).body;
    let refusals = 1;
    receiver.respond = () =>
      refusals-- > 0
        ? { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } }
        : { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    const posted = (
      await coordinator.post(`/api/announcements/${drafted.id}/post`).send({ version: approved.version }).expect(200)
    ).body;
    expect(posted.posts[0].deliveries).toEqual([{ locationName: '32号楼', robotKind: 'wecom', status: 'planned' }]);
    expect(robotPosts()).toHaveLength(5);
    // The worker's watchdog, after the retry's backoff, twice: one more request, not two.
    const sweeper = t.app.get(AnnouncementRobotPosts);
    await sweeper.sweep(Date.now() + HOUR, 120_000);
    await sweeper.sweep(Date.now() + 2 * HOUR, 120_000);
    expect(robotPosts()).toHaveLength(6);
    expect(robotPosts()[5].body).toMatchObject({ text: { content: expect.stringContaining('供水管道爆裂') } });
    const after = (await coordinator.get(`/api/announcements/${drafted.id}`).expect(200)).body;
    expect(after.posts[0].deliveries[0].status).toBe('sent');
  });
});
