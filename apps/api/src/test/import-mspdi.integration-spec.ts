import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mspdiSchemaErrors } from '@worksite/import-api/testing';
import { XMLParser } from 'fast-xml-parser';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, SchedulingWorld } from './scheduling-world';

/** A file Microsoft Project 2019 wrote (MPXJ's test data, trimmed; see the fixture's README). */
const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../libs/import/api/src/testing/mspdi', name), 'utf8');
const FIXTURE = fixture('task-links-project2019-mspdi.xml');
/** Microsoft Project 2010: automatically scheduled tasks held by SNET constraints, lags of 2 days and 1 week. */
const PROJECT_2010 = fixture('task-links-project2010-mspdi.xml');
/**
 * The 2010 file's Standard calendar with exceptions as Project 2010 writes them (added here: the
 * fixture has none): a holiday on Tuesday 2014-10-21, Saturday 2014-10-25 worked (调休), and
 * Thursday 2014-10-23 worked 08:00-12:00 only.
 */
const EXCEPTIONS = `<Exceptions>
  <Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>2014-10-21T00:00:00</FromDate><ToDate>2014-10-21T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Holiday</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>
  <Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>2014-10-25T00:00:00</FromDate><ToDate>2014-10-25T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Make-up</Name><Type>1</Type><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></Exception>
  <Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>2014-10-23T00:00:00</FromDate><ToDate>2014-10-23T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Half day</Name><Type>1</Type><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime></WorkingTimes></Exception>
</Exceptions>`;
const WITH_EXCEPTIONS = PROJECT_2010.replace('</WeekDays>', `</WeekDays>${EXCEPTIONS}`).replace(
  '<Name>Standard</Name>',
  '<Name>Standard 2010</Name>',
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

  const project = (code: string, startDate = '2018-10-18') =>
    world.id('/api/projects', {
      code,
      name: code,
      calendarId: calendar,
      timeZone: 'Asia/Shanghai',
      startDate,
    });
  const importXml = (projectId: string, xml: string, language = 'zh-CN') =>
    t.http
      .post(`/api/projects/${projectId}/import.xml`)
      .query({ department: '国网沈阳供电公司' })
      .set('Content-Type', 'application/xml')
      .set('Accept-Language', language)
      .send(xml);
  const exportXml = async (projectId: string): Promise<string> => {
    const exported = await t.http
      .get(`/api/projects/${projectId}/ms-project.xml`)
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => done(null, body));
      });
    expect(exported.status).toBe(200);
    return exported.body as string;
  };
  const calendarOf = async (projectId: string) => {
    const [row]: { id: string; name: string; weekly: Record<string, unknown> }[] = await t.dataSource.query(
      `SELECT c.id, c.name, c.weekly_windows AS weekly FROM projects p JOIN calendars c ON c.id = p.calendar_id WHERE p.id = $1`,
      [projectId],
    );
    const exceptions: { date: string; kind: string }[] = await t.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind::text FROM calendar_exceptions WHERE calendar_id = $1 ORDER BY date`,
      [row.id],
    );
    const blackouts: { s: Date; e: Date }[] = await t.dataSource.query(
      'SELECT starts_at AS s, ends_at AS e FROM blackout_windows WHERE calendar_id = $1 ORDER BY starts_at',
      [row.id],
    );
    return {
      ...row,
      exceptions: exceptions.map((e) => `${e.date} ${e.kind}`),
      blackouts: blackouts.map((b) => `${b.s.toISOString()}/${b.e.toISOString()}`),
    };
  };
  const sorted = (tasks: Record<string, Row>) =>
    Object.values(tasks).sort((a, b) => (a.start + a.title < b.start + b.title ? -1 : 1));

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
      // The file's calendar is the one the project has: it is reused, not copied.
      calendar: { id: calendar, name: 'Standard', created: false, extraHours: [] },
      notes: [],
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
    await importXml(first, FIXTURE).expect(200);
    const xml = await exportXml(first);
    const parsed = new XMLParser().parse(xml);
    expect(parsed.Project.Tasks.Task).toHaveLength(6);
    expect(parsed.Project.Calendars.Calendar.WeekDays.WeekDay).toHaveLength(7);
    const second = await project('MSPDI-3');
    await importXml(second, xml).expect(200);
    const before = await plan(first);
    const after = await plan(second);
    expect(sorted(after.tasks)).toEqual(sorted(before.tasks));
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

  it('imports a file MS Project 2010 wrote: automatic tasks held by SNET, lags of 2 days and 1 week', async () => {
    const projectId = await project('MSPDI-2010', '2014-10-17');
    const response = await importXml(projectId, PROJECT_2010).expect(200);
    expect(response.body).toMatchObject({ summary: { created: 4, linksCreated: 2 }, notes: [] });
    expect(response.body.skippedSummaries).toEqual([]);
    const { tasks, links } = await plan(projectId);
    // Friday 17 Oct 2014 08:00 Shanghai; + 2 working days after Friday → Wednesday 22; + 1 week → Monday 27.
    expect(tasks['5']).toMatchObject({
      start: '2014-10-17T00:00:00.000Z',
      finish: '2014-10-17T09:00:00.000Z',
      minutes: 480,
    });
    expect(tasks['6']).toMatchObject({
      start: '2014-10-22T00:00:00.000Z',
      finish: '2014-10-22T09:00:00.000Z',
      minutes: 480,
    });
    expect(tasks['8']).toMatchObject({
      start: '2014-10-27T00:00:00.000Z',
      finish: '2014-10-27T09:00:00.000Z',
      minutes: 480,
    });
    expect(links.map((link) => [link.type, link.lag])).toEqual([
      ['FS', 960],
      ['FS', 2400],
    ]);
    const constraints: { code: string; type: string; at: Date }[] = await t.dataSource.query(
      `SELECT external_code AS code, constraint_type AS type, constraint_at AS at FROM tasks WHERE project_id = $1 ORDER BY 1`,
      [projectId],
    );
    expect(constraints.map((c) => [c.code, c.type, c.at.toISOString()])).toEqual([
      ['5', 'start_no_earlier_than', '2014-10-17T00:00:00.000Z'],
      ['6', 'start_no_earlier_than', '2014-10-22T00:00:00.000Z'],
      ['7', 'start_no_earlier_than', '2014-10-17T00:00:00.000Z'],
      ['8', 'start_no_earlier_than', '2014-10-27T00:00:00.000Z'],
    ]);
  });

  it("maps the file's calendar onto ours (holiday, 调休, half day) and round-trips: import → export → import", async () => {
    const first = await project('MSPDI-CAL-1', '2014-10-17');
    const response = await importXml(first, WITH_EXCEPTIONS).expect(200);
    expect(response.body.calendar).toMatchObject({ name: 'Standard 2010', created: true, extraHours: [] });
    const mapped = await calendarOf(first);
    expect(mapped.name).toBe('Standard 2010');
    expect(mapped.weekly['1']).toEqual(STANDARD['1']);
    expect(mapped.weekly['6']).toEqual([]);
    expect(mapped.exceptions).toEqual(['2014-10-21 holiday', '2014-10-25 makeup_workday']);
    // Thursday 23 Oct works 08-12 only: 13:00-17:00 Shanghai is a blackout.
    expect(mapped.blackouts).toEqual(['2014-10-23T05:00:00.000Z/2014-10-23T09:00:00.000Z']);
    const before = await plan(first);
    // Task 2 after Task 1 (Fri 17) + 2 days lag: Mon 20 and Wed 22 (Tue 21 a holiday) → Thu 23, a half day.
    expect(before.tasks['6']).toMatchObject({ start: '2014-10-23T00:00:00.000Z', minutes: 480 });
    expect(before.tasks['6'].finish).toBe('2014-10-24T04:00:00.000Z');

    const xml = await exportXml(first);
    // What the api sends validates against Microsoft's MSPDI schema.
    expect(mspdiSchemaErrors(xml)).toBe('');
    const parsed = new XMLParser({ isArray: (name) => name === 'Exception' || name === 'WorkingTime' }).parse(xml);
    const exceptions = parsed.Project.Calendars.Calendar.Exceptions.Exception as {
      TimePeriod: { FromDate: string };
      DayWorking: number;
      WorkingTimes?: { WorkingTime: { FromTime: string; ToTime: string }[] };
    }[];
    expect(
      exceptions.map((e) => [
        e.TimePeriod.FromDate.slice(0, 10),
        e.DayWorking,
        (e.WorkingTimes?.WorkingTime ?? []).map((w) => `${w.FromTime}-${w.ToTime}`).join(','),
      ]),
    ).toEqual([
      ['2014-10-21', 0, ''],
      ['2014-10-23', 1, '08:00:00-12:00:00'],
      ['2014-10-25', 1, '08:00:00-12:00:00,13:00:00-17:00:00'],
    ]);
    expect(parsed.Project.Calendars.Calendar.Name).toBe('Standard 2010');

    const second = await project('MSPDI-CAL-2', '2014-10-17');
    const again = await importXml(second, xml).expect(200);
    // The exported calendar is the same calendar: it is reused, not copied.
    expect(again.body.calendar).toMatchObject({ id: mapped.id, created: false });
    const after = await plan(second);
    expect(sorted(after.tasks)).toEqual(sorted(before.tasks));
    expect(after.links).toEqual(before.links);
  });

  it('holds MSO, SNET, FNLT and MFO; reports ALAP, SNLT, FNET and a task calendar it does not hold (zh and en)', async () => {
    const withConstraint = (xml: string, uid: number, type: number, date: string) =>
      xml.replace(
        new RegExp(`(<UID>${uid}</UID>[\\s\\S]*?<ConstraintType>)4(</ConstraintType>[\\s\\S]*?<ConstraintDate>)[^<]*`),
        `$1${type}$2${date}`,
      );
    let xml = withConstraint(PROJECT_2010, 5, 2, '2014-10-20T08:00:00'); // MSO
    xml = withConstraint(xml, 6, 1, '2014-10-22T08:00:00'); // ALAP
    xml = withConstraint(xml, 7, 3, '2014-10-17T17:00:00'); // MFO
    xml = withConstraint(xml, 8, 6, '2014-10-27T17:00:00'); // FNET
    xml = xml
      .replace(
        '</Calendars>',
        '<Calendar><UID>9</UID><Name>Night</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays><WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>20:00:00</FromTime><ToTime>23:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay></WeekDays></Calendar></Calendars>',
      )
      .replace(/(<UID>7<\/UID>[\s\S]*?<CalendarUID>)-1/, '$19');
    const projectId = await project('MSPDI-CONSTRAINTS', '2014-10-17');
    const zh = await importXml(projectId, xml, 'zh-CN').query({ dryRun: true }).expect(200);
    expect(zh.body.notes).toEqual([
      { row: 6, code: '6', message: '排程不支持“ALAP”限制（2014-10-22T08:00:00），该任务改为“越早越好”排程' },
      {
        row: 7,
        code: '7',
        message: '“MFO”限制（2014-10-17T17:00:00）改为“必须开始于”2014-10-17T08:00:00（完成时间减工期）',
      },
      { row: 7, code: '7', message: '任务日历“Night”未导入，该任务按项目日历排程' },
      { row: 8, code: '8', message: '排程不支持“FNET”限制（2014-10-27T17:00:00），该任务改为“越早越好”排程' },
    ]);
    const en = await importXml(projectId, xml, 'en').expect(200);
    expect(en.body.notes.map((note: { message: string }) => note.message)).toEqual([
      'the schedule cannot hold the constraint ALAP (2014-10-22T08:00:00); the task is scheduled as soon as possible',
      'the constraint MFO (2014-10-17T17:00:00) is held as must start on 2014-10-17T08:00:00 (its finish less its duration)',
      'the task calendar "Night" is not imported; the task follows the project calendar',
      'the schedule cannot hold the constraint FNET (2014-10-27T17:00:00); the task is scheduled as soon as possible',
    ]);
    const rows: { code: string; type: string | null; start: Date }[] = await t.dataSource.query(
      `SELECT external_code AS code, constraint_type AS type, planned_start AS start FROM tasks WHERE project_id = $1 ORDER BY 1`,
      [projectId],
    );
    expect(rows.map((row) => [row.code, row.type, row.start.toISOString()])).toEqual([
      ['5', 'must_start_on', '2014-10-20T00:00:00.000Z'],
      ['6', null, '2014-10-23T00:00:00.000Z'],
      ['7', 'must_start_on', '2014-10-17T00:00:00.000Z'],
      ['8', null, '2014-10-27T00:00:00.000Z'],
    ]);
    // FNLT is held as it is.
    const fnlt = withConstraint(PROJECT_2010, 6, 7, '2014-10-24T17:00:00');
    const other = await project('MSPDI-FNLT', '2014-10-17');
    await importXml(other, fnlt).expect(200);
    const [held]: { type: string; at: Date }[] = await t.dataSource.query(
      `SELECT constraint_type AS type, constraint_at AS at FROM tasks WHERE project_id = $1 AND external_code = '6'`,
      [other],
    );
    expect([held.type, held.at.toISOString()]).toEqual(['finish_no_later_than', '2014-10-24T09:00:00.000Z']);
  });
});
