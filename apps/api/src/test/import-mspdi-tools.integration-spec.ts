import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, SchedulingWorld } from './scheduling-world';

/**
 * MS Project XML files written by other tools and other versions of MS Project (see the
 * fixtures' README for where each comes from and what was trimmed); the values asserted were
 * read in the files. MSPDI times are the project's wall clock, here Asia/Shanghai (UTC+8).
 */
const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../libs/import/api/src/testing/mspdi', name), 'utf8');

const STANDARD = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((day) => [
    day,
    [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
  ]),
);

describe('MS Project XML written by other tools', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let standard: string;

  const project = (code: string, startDate: string) =>
    world.id('/api/projects', { code, name: code, calendarId: standard, timeZone: 'Asia/Shanghai', startDate });
  const importXml = (projectId: string, xml: string) =>
    t.http
      .post(`/api/projects/${projectId}/import.xml`)
      .query({ department: '国网沈阳供电公司' })
      .set('Content-Type', 'application/xml')
      .send(xml);
  const tasksOf = async (projectId: string) => {
    const rows: { code: string; title: string; s: Date; f: Date; minutes: number; mode: string }[] =
      await t.dataSource.query(
        `SELECT external_code AS code, title, planned_start AS s, planned_finish AS f, duration_minutes AS minutes,
                scheduling_mode AS mode FROM tasks WHERE project_id = $1 ORDER BY external_code`,
        [projectId],
      );
    return rows.map((row) => [row.code, row.title, row.s.toISOString(), row.f.toISOString(), row.minutes, row.mode]);
  };
  const linksOf = async (projectId: string) => {
    const rows: { p: string; s: string; type: string; lag: number }[] = await t.dataSource.query(
      `SELECT p.external_code AS p, s.external_code AS s, d.type, d.lag_minutes AS lag
         FROM dependencies d JOIN tasks p ON p.id = d.predecessor_id JOIN tasks s ON s.id = d.successor_id
        WHERE d.project_id = $1 ORDER BY 1, 2`,
      [projectId],
    );
    return rows.map((row) => [row.p, row.s, row.type, row.lag]);
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    standard = await world.id('/api/calendars', { name: 'Standard', weeklyWindows: STANDARD });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('MS Project 2003 (pre-2007 schema): as-soon-as-possible tasks follow their links', async () => {
    const projectId = await project('MSP-2003', '2014-10-17');
    const response = await importXml(projectId, fixture('task-links-project2003-mspdi.xml')).expect(200);
    expect(response.body).toMatchObject({
      summary: { created: 4, linksCreated: 2 },
      // UID 0, the project summary task, is the project itself.
      skippedSummaries: [],
      calendar: { id: standard, created: false },
      notes: [],
    });
    // Task 2 after Task 1 (Friday 17 Oct): Monday 20; Task 4 after Task 3 + 1 day: Tuesday 21.
    expect(await tasksOf(projectId)).toEqual([
      ['1', 'Task 1', '2014-10-17T00:00:00.000Z', '2014-10-17T09:00:00.000Z', 480, 'automatic'],
      ['2', 'Task 2', '2014-10-20T00:00:00.000Z', '2014-10-20T09:00:00.000Z', 480, 'automatic'],
      ['3', 'Task 1', '2014-10-17T00:00:00.000Z', '2014-10-17T09:00:00.000Z', 480, 'automatic'],
      ['4', 'Task 2', '2014-10-21T00:00:00.000Z', '2014-10-21T09:00:00.000Z', 480, 'automatic'],
    ]);
    expect(await linksOf(projectId)).toEqual([
      ['1', '2', 'FS', 0],
      ['3', '4', 'FS', 480],
    ]);
  });

  it('GanttProject (issue2000): a manual task; the resource calendar with its holidays is not the project’s', async () => {
    const projectId = await project('GP-2000', '2022-01-28');
    const response = await importXml(projectId, fixture('ganttproject-issue2000.xml')).expect(200);
    expect(response.body).toMatchObject({
      summary: { created: 1, linksCreated: 0 },
      calendar: { id: standard, name: 'Standard', created: false },
      notes: [],
    });
    expect(await tasksOf(projectId)).toEqual([
      ['1', 'task_0', '2022-01-28T00:00:00.000Z', '2022-01-28T09:00:00.000Z', 480, 'manual'],
    ]);
  });

  it('GanttProject (issue2659): a 24-hour day (MinutesPerDay 1440), a manual task from midnight to midnight', async () => {
    const projectId = await project('GP-2659', '2025-01-30');
    const response = await importXml(projectId, fixture('ganttproject-issue2659.xml')).expect(200);
    expect(response.body).toMatchObject({ summary: { created: 1 }, notes: [] });
    // Pinned where the file puts it; its working time in the Standard calendar is Thursday's 8 hours.
    expect(await tasksOf(projectId)).toEqual([
      ['1', 'task_0', '2025-01-29T16:00:00.000Z', '2025-01-30T16:00:00.000Z', 480, 'manual'],
    ]);
  });

  it('GanttProject (issue1520): a calendar with the 2018 May Day 调休 in the pre-2007 form becomes ours', async () => {
    const projectId = await project('GP-1520', '2018-04-28');
    const response = await importXml(projectId, fixture('ganttproject-issue1520.xml')).expect(200);
    expect(response.body).toMatchObject({
      summary: { created: 0 },
      calendar: { name: 'Standard (MS Project)', created: true, extraHours: [] },
    });
    const exceptions: { date: string; kind: string }[] = await t.dataSource.query(
      `SELECT to_char(e.date, 'YYYY-MM-DD') AS date, e.kind::text AS kind
         FROM calendar_exceptions e JOIN projects p ON p.calendar_id = e.calendar_id
        WHERE p.id = $1 ORDER BY e.date`,
      [projectId],
    );
    // Saturday 28 April worked (调休), Monday 30 April off.
    expect(exceptions).toEqual([
      { date: '2018-04-28', kind: 'makeup_workday' },
      { date: '2018-04-30', kind: 'holiday' },
    ]);
  });
});
