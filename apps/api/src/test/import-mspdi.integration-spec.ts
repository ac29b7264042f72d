import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, SchedulingWorld } from './scheduling-world';

/** A file Microsoft Project 2019 wrote (MPXJ's test data, trimmed; see the fixture's README). */
const FIXTURE = readFileSync(
  join(__dirname, '../../../../libs/import/api/src/testing/mspdi/task-links-project2019-mspdi.xml'),
  'utf8',
);
const STANDARD = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((day) => [
    day,
    [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
  ]),
);

type Row = { title: string; start: string; finish: string; minutes: number; mode: string };
type Link = { from: string; to: string; type: string; lag: number };

describe('MS Project XML import and export over HTTP', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let calendar: string;

  const project = (code: string) =>
    world.id('/api/projects', {
      code,
      name: code,
      calendarId: calendar,
      timeZone: 'Asia/Shanghai',
      startDate: '2018-10-18',
    });

  /** A project's tasks (by external code) and links, as plain values to compare. */
  async function plan(projectId: string): Promise<{ tasks: Record<string, Row>; links: Link[] }> {
    const rows: { code: string; title: string; s: Date; f: Date; minutes: number; mode: string }[] =
      await t.dataSource.query(
        `SELECT external_code AS code, title, planned_start AS s, planned_finish AS f, duration_minutes AS minutes,
                scheduling_mode AS mode FROM tasks WHERE project_id = $1`,
        [projectId],
      );
    const links: { p: string; s: string; type: string; lag: number }[] = await t.dataSource.query(
      `SELECT p.title || '#' || p.planned_start AS p, s.title || '#' || s.planned_start AS s, d.type, d.lag_minutes AS lag
         FROM dependencies d JOIN tasks p ON p.id = d.predecessor_id JOIN tasks s ON s.id = d.successor_id
        WHERE d.project_id = $1 ORDER BY 1, 2`,
      [projectId],
    );
    return {
      tasks: Object.fromEntries(
        rows.map((row) => [
          row.code,
          {
            title: row.title,
            start: row.s.toISOString(),
            finish: row.f.toISOString(),
            minutes: row.minutes,
            mode: row.mode,
          },
        ]),
      ),
      links: links.map((link) => ({ from: link.p, to: link.s, type: link.type, lag: link.lag })),
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    calendar = await world.id('/api/calendars', { name: 'Standard', weeklyWindows: STANDARD });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('imports a file MS Project 2019 wrote: tasks, durations, manual dates, links with lags; the calendar agrees', async () => {
    const first = await project('MSPDI-1');
    const response = await t.http
      .post(`/api/projects/${first}/import.xml`)
      .query({ department: '国网沈阳供电公司' })
      .set('Content-Type', 'application/xml')
      .send(FIXTURE)
      .expect(200);
    expect(response.body).toMatchObject({
      summary: { created: 6, linksCreated: 3 },
      calendar: { name: 'Standard', sameWeek: true, holidaysNotInProject: [] },
    });
    const { tasks, links } = await plan(first);
    // MSPDI times are the project's wall clock (here Asia/Shanghai, UTC+8).
    expect(tasks['4']).toEqual({
      title: 'Task 2',
      start: '2018-10-22T00:00:00.000Z',
      finish: '2018-10-22T09:00:00.000Z',
      minutes: 480,
      mode: 'manual',
    });
    expect(links.map((link) => [link.type, link.lag])).toEqual([
      ['FS', 0],
      ['FS', 480],
      ['FS', 960],
    ]);
  });

  it('exports MSPDI and imports it back: the same tasks, links and durations', async () => {
    const first = await project('MSPDI-2');
    await t.http
      .post(`/api/projects/${first}/import.xml`)
      .query({ department: '国网沈阳供电公司' })
      .set('Content-Type', 'application/xml')
      .send(FIXTURE)
      .expect(200);
    const exported = await t.http
      .get(`/api/projects/${first}/ms-project.xml`)
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => done(null, body));
      });
    expect(exported.status).toBe(200);
    const xml = exported.body as string;
    const parsed = new XMLParser().parse(xml);
    expect(parsed.Project.Tasks.Task).toHaveLength(6);
    expect(parsed.Project.Calendars.Calendar.WeekDays.WeekDay).toHaveLength(7);
    const second = await project('MSPDI-3');
    await t.http
      .post(`/api/projects/${second}/import.xml`)
      .query({ department: '国网沈阳供电公司' })
      .set('Content-Type', 'application/xml')
      .send(xml)
      .expect(200);
    const before = await plan(first);
    const after = await plan(second);
    expect(Object.values(after.tasks).sort((a, b) => (a.start + a.title < b.start + b.title ? -1 : 1))).toEqual(
      Object.values(before.tasks).sort((a, b) => (a.start + a.title < b.start + b.title ? -1 : 1)),
    );
    expect(after.links).toEqual(before.links);
  });

  it('refuses elapsed and percentage lags, naming the task, and a file that is not MSPDI', async () => {
    const other = await project('MSPDI-4');
    const elapsed = FIXTURE.replace(
      '<LinkLag>4800</LinkLag>\n\t\t\t\t<LagFormat>7</LagFormat>',
      '<LinkLag>4800</LinkLag>\n\t\t\t\t<LagFormat>8</LagFormat>',
    ).replace(
      '<LinkLag>9600</LinkLag>\n\t\t\t\t<LagFormat>7</LagFormat>',
      '<LinkLag>500</LinkLag>\n\t\t\t\t<LagFormat>19</LagFormat>',
    );
    const refused = await t.http
      .post(`/api/projects/${other}/import.xml`)
      .query({ department: '国网沈阳供电公司' })
      .set('Content-Type', 'application/xml')
      .set('Accept-Language', 'en')
      .send(elapsed)
      .expect(422);
    expect(refused.body.report.map((p: { row: number; message: string }) => [p.row, p.message.split(';')[0]])).toEqual([
      [4, '"+480em" is elapsed time'],
      [6, '"+50%" is a percentage lag'],
    ]);
    await t.http
      .post(`/api/projects/${other}/import.xml`)
      .set('Content-Type', 'application/xml')
      .send('<html/>')
      .expect(400);
  });
});
