import { Role } from '@worksite/shared-domain';
import { addDays, localDateOf, weekdayOf } from '@worksite/shared-util-time';
import ICAL from 'ical.js';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, SchedulingWorld } from './scheduling-world';

type Agent = Awaited<ReturnType<TestApp['as']>>;

/** The next Monday after today in Shanghai: inside every feed's window (a week back, 60 days ahead). */
function nextMonday(): string {
  const today = localDateOf(new Date(), 'Asia/Shanghai');
  return addDays(today, 8 - weekdayOf(today));
}

/** A feed as a calendar app reads it: parsed by ical.js, events by UID. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      sequence: event.sequence,
      start: event.startDate,
      end: event.endDate,
      location: event.location,
      description: event.description,
      status: component.getFirstPropertyValue('status'),
      lastModified: component.getFirstPropertyValue('last-modified') as ICAL.Time,
    };
  });
  return { calendar, events, byTitle: (title: string) => events.find((event) => event.summary.includes(title)) };
}

describe('calendar feeds', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let monday: string;
  let ids: Record<'cable' | 'splice' | 'trench' | 'other', string>;
  let lead: Agent;
  let agency: Agent;

  const path = (url: string) => new URL(url).pathname;
  const fetchFeed = async (url: string) => {
    const response = await t.anonymous.get(path(url)).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return { response, feed: parse(response.text) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-FEED');
    monday = nextMonday();
    const { crews, locations } = world;
    ids = {
      cable: await world.task(project, '敷设低压电缆', {
        crewId: crews.cable,
        locationId: locations.unit,
        plannedStart: `${monday}T08:00:00+08:00`,
        durationMinutes: 240,
        content: '从配电室敷设至1单元',
        materials: [{ name: 'YJV22电缆', quantity: 120, unit: '米' }],
        tools: ['电缆放线架'],
        safetyNotes: '设置围挡',
      }),
      trench: await world.task(project, '沟槽回填', {
        crewId: crews.cable,
        locationId: locations.building,
        plannedStart: `${monday}T14:00:00+08:00`,
        durationMinutes: 120,
      }),
      splice: await world.task(project, '光缆熔接', {
        crewId: crews.fibre,
        locationId: locations.unit,
        plannedStart: `${addDays(monday, 1)}T08:00:00+08:00`,
        durationMinutes: 240,
      }),
      other: await world.task(project, '城建路面恢复', {
        crewId: crews.civil,
        locationId: locations.compound,
        plannedStart: `${addDays(monday, 2)}T08:00:00+08:00`,
        durationMinutes: 240,
      }),
    };
    // The fibre crew waits for the cable: the power agency sees the splice as a linked task.
    await world.link(ids.cable, ids.splice);
    lead = await t.as({ role: Role.Contractor, crewIds: [crews.cable] });
    agency = await t.as({ role: Role.Agency, departmentId: world.departments.power });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it("lists the crew's tasks with place, times in the project zone, materials and status; nothing of other crews", async () => {
    const created = await lead.post(`/api/crews/${world.crews.cable}/feed`).expect(201);
    expect(created.body.url).toMatch(/^http.*\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const { response, feed } = await fetchFeed(created.body.url);
    expect(feed.events.map((event) => event.summary).sort()).toEqual(['沟槽回填', '敷设低压电缆'].sort());
    const cable = feed.byTitle('敷设低压电缆');
    expect(cable).toMatchObject({ uid: expect.stringContaining(ids.cable), sequence: 1, status: 'CONFIRMED' });
    expect(cable?.start.zone.tzid).toBe('Asia/Shanghai');
    expect(cable?.start.toString()).toBe(`${monday}T08:00:00`);
    expect(cable?.end.toString()).toBe(`${monday}T12:00:00`);
    expect(cable?.start.toJSDate().toISOString()).toBe(new Date(`${monday}T00:00:00Z`).toISOString());
    expect(cable?.location).toBe('和平新村 1号楼 1单元');
    expect(cable?.description).toContain('YJV22电缆 120 米');
    expect(cable?.description).toContain('电缆放线架');
    expect(cable?.description).toContain('设置围挡');
    expect(cable?.description).toContain('状态：计划');
    expect(feed.calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    // Other crews' tasks, names and leaders are not in the file.
    for (const other of ['光缆熔接', '光缆一班', '李强', '城建路面恢复', '沟槽一班', '赵立新', '王建国']) {
      expect(response.text).not.toContain(other);
    }
  });

  it('updates in place when the plan changes: same UID, new DTSTART, higher SEQUENCE, later LAST-MODIFIED', async () => {
    const { url } = (await lead.post(`/api/crews/${world.crews.cable}/feed`).expect(201)).body;
    const before = (await fetchFeed(url)).feed.byTitle('敷设低压电缆');
    const etag = (await t.anonymous.get(path(url)).expect(200)).headers['etag'];
    await t.anonymous.get(path(url)).set('If-None-Match', etag).expect(304);

    const { version } = await world.read(ids.cable);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // LAST-MODIFIED has whole seconds
    await t.http
      .patch(`/api/tasks/${ids.cable}`)
      .send({ plannedStart: `${addDays(monday, 1)}T14:00:00+08:00`, version })
      .expect(200);
    const after = (await fetchFeed(url)).feed.byTitle('敷设低压电缆');
    expect(after?.uid).toBe(before?.uid);
    expect(after?.start.toString()).toBe(`${addDays(monday, 1)}T14:00:00`);
    expect(after?.sequence).toBeGreaterThan(before?.sequence ?? Infinity);
    expect(after?.lastModified.compare(before?.lastModified as ICAL.Time)).toBe(1);
    await t.anonymous.get(path(url)).set('If-None-Match', etag).expect(200);
  });

  it('shows a cancelled task as CANCELLED', async () => {
    const { url } = (await lead.post(`/api/crews/${world.crews.cable}/feed`).expect(201)).body;
    const { version } = await world.read(ids.trench);
    await t.http.patch(`/api/tasks/${ids.trench}`).send({ status: 'cancelled', version }).expect(200);
    const trench = (await fetchFeed(url)).feed.byTitle('沟槽回填');
    expect(trench).toMatchObject({ status: 'CANCELLED', summary: '【已取消】沟槽回填' });
  });

  it('rotates (the old URL answers 404, the new one works) and revokes', async () => {
    const first = (await lead.post(`/api/crews/${world.crews.cable}/feed`).expect(201)).body.url;
    await fetchFeed(first);
    const second = (await lead.post(`/api/crews/${world.crews.cable}/feed`).expect(201)).body.url;
    const gone = await t.anonymous.get(path(first)).expect(404);
    expect(gone.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    await fetchFeed(second);
    const status = await lead.get(`/api/crews/${world.crews.cable}/feed`).expect(200);
    expect(status.body).toMatchObject({ active: true, createdByName: lead.username, lastUsedAt: expect.any(String) });
    expect(JSON.stringify(status.body)).not.toContain(path(second).slice(11, 30));
    await lead.delete(`/api/crews/${world.crews.cable}/feed`).expect(204);
    await t.anonymous.get(path(second)).expect(404);
    expect((await lead.get(`/api/crews/${world.crews.cable}/feed`).expect(200)).body.active).toBe(false);
    // Only the hash of a secret is stored.
    const stored: { token_hash: string }[] = await t.dataSource.query('SELECT token_hash FROM calendar_feeds');
    const secret = path(second).split('/').pop()?.replace('.ics', '') as string;
    expect(stored.map((row) => row.token_hash)).not.toContain(secret);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
    await t.anonymous.get(`/api/feeds/${'x'.repeat(43)}.ics`).expect(404);
  });

  it("lets the crew's lead, its projects' coordinators and admins manage its feed, nobody else", async () => {
    const crew = world.crews.cable;
    const coordinator = await t.as({ role: Role.Coordinator, projectIds: [project] });
    const otherCoordinator = await t.as({ role: Role.Coordinator, projectIds: [] });
    const otherLead = await t.as({ role: Role.Contractor, crewIds: [world.crews.fibre] });
    const viewer = await t.as({ role: Role.Viewer });
    await coordinator.post(`/api/crews/${crew}/feed`).expect(201);
    await t.http.post(`/api/crews/${crew}/feed`).expect(201);
    await otherCoordinator.post(`/api/crews/${crew}/feed`).expect(403);
    await viewer.post(`/api/crews/${crew}/feed`).expect(403);
    await agency.post(`/api/crews/${crew}/feed`).expect(403);
    await otherLead.post(`/api/crews/${crew}/feed`).expect(404);
    await otherLead.delete(`/api/crews/${crew}/feed`).expect(404);
    await lead.post('/api/feeds/mine').expect(403);
    await coordinator.post('/api/feeds/mine').expect(403);
  });

  it("gives an agency user a feed of what the schedule shows them, without other crews' names", async () => {
    const created = await agency.post('/api/feeds/mine').expect(201);
    const { response, feed } = await fetchFeed(created.body.url);
    // Its department's tasks and the task linked to them; not the civil crew's.
    expect(feed.events.map((event) => event.summary).sort()).toEqual(
      ['光缆熔接', '敷设低压电缆', '【已取消】沟槽回填'].sort(),
    );
    expect(feed.byTitle('敷设低压电缆')?.description).toContain('班组：电缆一班');
    expect(feed.byTitle('光缆熔接')?.description).toContain('中国移动沈阳分公司');
    for (const hidden of ['光缆一班', '李强', '王建国', '城建路面恢复']) expect(response.text).not.toContain(hidden);
    expect((await agency.get('/api/feeds/mine').expect(200)).body.active).toBe(true);
    await agency.delete('/api/feeds/mine').expect(204);
    await t.anonymous.get(path(created.body.url)).expect(404);
  });
});
