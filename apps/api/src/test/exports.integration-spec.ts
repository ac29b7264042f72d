import { Role } from '@worksite/shared-domain';
import { Workbook } from 'exceljs';
import type { Response } from 'superagent';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, local, SchedulingWorld } from './scheduling-world';

type Agent = Awaited<ReturnType<TestApp['as']>>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Collects a binary answer into a Buffer. */
const binary = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

async function readXlsx(body: Buffer) {
  const workbook = new Workbook();
  await workbook.xlsx.load(body as never);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, header: rows[0] as string[], rows: rows.slice(1) };
}

/** Monday 2026-11-02 on the noon-break calendar: 敷设 (cable) → 熔接 (fibre, FS +1h); a cancelled one. */
describe('exports of a project and a day plan', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let agency: Agent;

  const download = (agent: Agent | TestApp['http'], path: string, language?: string) => {
    const request = agent.get(path).buffer(true).parse(binary);
    return language ? request.set('Accept-Language', language) : request;
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-EXPORT');
    const { crews, locations } = world;
    const cable = await world.task(project, '敷设低压电缆', {
      crewId: crews.cable,
      locationId: locations.unit,
      plannedStart: local('2026-11-02T08:00'),
      durationMinutes: 240,
      content: '配电室至1单元',
      materials: [{ name: 'YJV22电缆', quantity: 120, unit: '米' }],
      tools: ['放线架', '对讲机'],
      safetyNotes: '设置围挡',
    });
    const splice = await world.task(project, '光缆熔接', {
      crewId: crews.fibre,
      locationId: locations.building,
      plannedStart: local('2026-11-02T08:00'),
      durationMinutes: 120,
    });
    await world.link(cable, splice, 'FS', 60);
    const cancelled = await world.task(project, '沟槽开挖', {
      crewId: crews.civil,
      plannedStart: local('2026-11-02T08:00'),
      durationMinutes: 60,
    });
    const { version } = await world.read(cancelled);
    await t.http.patch(`/api/tasks/${cancelled}`).send({ status: 'cancelled', version }).expect(200);
    agency = await t.as({ role: Role.Agency, departmentId: world.departments.power });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('writes the project as .xlsx: Chinese header, frozen, widths, dates in the project zone, predecessors', async () => {
    const response = await download(t.http, `/api/projects/${project}/export.xlsx`).expect(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="HPXC-EXPORT-.*\.xlsx"; filename\*=UTF-8''/,
    );
    const { sheet, header, rows } = await readXlsx(response.body);
    expect(header).toEqual([
      '编号',
      '任务名称',
      '部门',
      '班组',
      '位置',
      '开始',
      '结束',
      '工期（工时）',
      '总时差（工时）',
      '自由时差（工时）',
      '关键任务',
      '状态',
      '进度（%）',
      '前置任务',
      '任务ID',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(30);
    expect(rows).toHaveLength(3);
    const byTitle = (title: string) => rows.find((row) => row[1] === title) as unknown[];
    // Local 08:00 in Shanghai, as Excel shows it (Excel dates have no zone).
    expect(byTitle('敷设低压电缆').slice(0, 8)).toEqual([
      expect.any(Number),
      '敷设低压电缆',
      '国网沈阳供电公司',
      '电缆一班',
      '和平新村 1号楼 1单元',
      new Date(Date.UTC(2026, 10, 2, 8, 0)),
      new Date(Date.UTC(2026, 10, 2, 12, 0)),
      4,
    ]);
    expect(sheet.getCell('F2').numFmt).toBe('yyyy-mm-dd hh:mm');
    const cableRow = byTitle('敷设低压电缆')[0];
    const splice = byTitle('光缆熔接');
    expect(splice[13]).toBe(`${cableRow}FS+1h`);
    // Starts an hour after the cable is done, after the noon break: 15:00–17:00.
    expect(splice[5]).toEqual(new Date(Date.UTC(2026, 10, 2, 15, 0)));
    expect(byTitle('沟槽开挖')[11]).toBe('已取消');
  });

  it('writes English headers for Accept-Language en, and CSV as UTF-8 with a BOM', async () => {
    const english = await readXlsx(
      (await download(t.http, `/api/projects/${project}/export.xlsx`, 'en').expect(200)).body,
    );
    expect(english.header.slice(0, 6)).toEqual(['ID', 'Task', 'Department', 'Crew', 'Location', 'Start']);
    expect(english.rows.find((row) => row[1] === '沟槽开挖')?.[11]).toBe('cancelled');

    const csv = await download(t.http, `/api/projects/${project}/export.csv`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '编号,任务名称,部门,班组,位置,开始,结束,工期（工时）,总时差（工时）,自由时差（工时）,关键任务,状态,进度（%）,前置任务,任务ID',
    );
    expect(lines.find((line) => line.includes('敷设低压电缆'))).toMatch(
      /^\d,敷设低压电缆,国网沈阳供电公司,电缆一班,和平新村 1号楼 1单元,2026-11-02 08:00,2026-11-02 12:00,4,/,
    );
  });

  it('writes a day plan per crew with times, place, materials and tools; cancelled tasks left out', async () => {
    const response = await download(t.http, `/api/projects/${project}/day-plan/2026-11-02/export.xlsx`).expect(200);
    const { sheet, header, rows } = await readXlsx(response.body);
    expect(header).toEqual([
      '班组',
      '部门',
      '开始',
      '结束',
      '任务名称',
      '小区',
      '楼号',
      '单元',
      '地址',
      '施工内容',
      '物料',
      '工具',
      '安全要求',
      '状态',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rows.map((row) => row[4])).toEqual(['敷设低压电缆', '光缆熔接']);
    expect(rows[0]).toEqual([
      '电缆一班',
      '国网沈阳供电公司',
      '08:00',
      '12:00',
      '敷设低压电缆',
      '和平新村',
      '1号楼',
      '1单元',
      undefined, // no address: an empty cell
      '配电室至1单元',
      'YJV22电缆 120 米',
      '放线架、对讲机',
      '设置围挡',
      '计划',
    ]);
    const csv = await download(t.http, `/api/projects/${project}/day-plan/2026-11-02/export.csv`, 'en').expect(200);
    const lines = (csv.body as Buffer).toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Crew,Department,Start,End,Task,Compound,Building,Unit,Address,Work,Materials,Tools,Safety,Status',
    );
    expect(lines[1]).toContain('YJV22电缆 120 米');
    await t.http.get(`/api/projects/${project}/day-plan/2026-13-40/export.xlsx`).expect(400);
  });

  it("follows the schedule's access rules: an agency sees its tasks and the linked ones, no other crew's name", async () => {
    const { rows } = await readXlsx((await download(agency, `/api/projects/${project}/export.xlsx`).expect(200)).body);
    expect(rows.map((row) => row[1]).sort()).toEqual(['光缆熔接', '敷设低压电缆'].sort());
    expect(rows.find((row) => row[1] === '光缆熔接')?.[3]).toBeUndefined();
    const stranger = await t.as({ role: Role.Contractor, crewIds: [] });
    await stranger.get(`/api/projects/${project}/export.csv`).expect(404);
    await stranger.get(`/api/projects/${project}/day-plan/2026-11-02/export.csv`).expect(404);
  });
});
