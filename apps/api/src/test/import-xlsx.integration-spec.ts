import { IMPORT_FIELDS, IMPORT_HEADERS } from '@worksite/import-domain';
import { Workbook } from 'exceljs';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, SchedulingWorld, utc } from './scheduling-world';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads a binary answer (supertest buffers only what it knows as binary). */
const binary = (response: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

async function workbookOf(data: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(data as never);
  return workbook;
}

const toBuffer = async (workbook: Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

describe('Excel import over HTTP', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let template: Buffer;

  const tasks = async (projectId = project) =>
    Number((await t.dataSource.query('SELECT count(*) AS n FROM tasks WHERE project_id = $1', [projectId]))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-XLSX');
    const response = await t.http
      .get(`/api/projects/${project}/import-template.xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('Content-Type', XLSX);
    template = response.body;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('gives a template with Chinese headers and drop-down lists of departments, crews and statuses', async () => {
    const sheet = (await workbookOf(template)).worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      IMPORT_FIELDS.map((field) => IMPORT_HEADERS[field]['zh-CN']),
    );
    expect(IMPORT_FIELDS.slice(0, 15).map((field) => IMPORT_HEADERS[field]['zh-CN'])).toEqual([
      '编号',
      '任务名称',
      '部门',
      '班组',
      '小区',
      '楼栋',
      '单元',
      '开始',
      '结束',
      '工期',
      '前置任务',
      '物料',
      '工具',
      '安全要求',
      '停用影响',
    ]);
    const lists = (await workbookOf(template)).worksheets[1];
    const column = (letter: string) =>
      (lists.getColumn(letter).values as unknown[]).filter((value) => typeof value === 'string');
    expect(column('A')).toEqual(expect.arrayContaining(['国网沈阳供电公司', '和平区城建局']));
    expect(column('B')).toEqual(expect.arrayContaining(['电缆一班', '光缆一班']));
    expect(column('C')).toEqual(['计划中', '已就绪', '进行中', '已完成', '受阻', '已取消']);
    expect(sheet.getCell('C500').dataValidation).toMatchObject({ type: 'list' });
    expect(sheet.getCell('P2').dataValidation).toMatchObject({ type: 'list' });
    const english = await t.http
      .get(`/api/projects/${project}/import-template.xlsx`)
      .set('Accept-Language', 'en')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((await workbookOf(english.body)).worksheets[0].getCell('B1').value).toBe('Task');
  });

  it('fills the template with 500 rows: errors are reported by row and column, annotated in the sheet, nothing written; fixed, it imports', async () => {
    const workbook = await workbookOf(template);
    const sheet = workbook.worksheets[0];
    sheet.spliceRows(2, 2);
    for (let n = 1; n <= 500; n++) {
      sheet.getRow(n + 1).values = [
        String(n),
        `第${n}段电缆敷设`,
        '国网沈阳供电公司',
        n === 42 ? '没有这个班组' : '电缆一班',
        '和平新村',
        '1号楼',
        '',
        // An Excel date cell, a serial and text: all read in the project zone.
        n === 1 ? new Date(Date.UTC(2026, 10, 2, 8, 0)) : '',
        '',
        n === 77 ? '两周左右' : n % 2 ? '1天' : '4小时',
        n === 1 ? '' : `${n - 1}FS`,
        '电缆 100米',
        '放线架',
        '戴安全帽',
        n === 300 ? '停电 明天' : '',
        '计划中',
      ];
    }
    const bad = await toBuffer(workbook);
    const refused = await t.http
      .post(`/api/projects/${project}/import.xlsx?dryRun=true`)
      .set('Content-Type', XLSX)
      .send(bad)
      .expect(422);
    expect(refused.body.report.map((p: { row: number; column: string }) => `${p.row} ${p.column}`)).toEqual([
      '43 班组',
      '78 工期',
      '301 停用影响',
    ]);
    const annotated = (await workbookOf(Buffer.from(refused.body.annotatedWorkbook, 'base64'))).worksheets[0];
    expect(annotated.getCell('D43').note).toBe('没有名为“没有这个班组”的班组');
    expect(String(annotated.getCell('J78').note)).toContain('两周左右');
    expect(await tasks()).toBe(0);

    sheet.getCell('D43').value = '电缆一班';
    sheet.getCell('J78').value = '2天';
    sheet.getCell('O301').value = '停电 2026-12-04 08:00~2026-12-04 12:00';
    const good = await toBuffer(workbook);
    const dry = await t.http
      .post(`/api/projects/${project}/import.xlsx?dryRun=true`)
      .set('Content-Type', XLSX)
      .send(good)
      .expect(200);
    expect(dry.body.summary).toMatchObject({ created: 500, linksCreated: 499 });
    expect(await tasks()).toBe(0);
    const done = await t.http
      .post(`/api/projects/${project}/import.xlsx`)
      .set('Content-Type', XLSX)
      .send(good)
      .expect(200);
    expect(done.body.summary).toMatchObject({ created: 500, linksCreated: 499 });
    expect(await tasks()).toBe(500);
    const [first] = await t.dataSource.query(
      `SELECT planned_start, materials, tools FROM tasks WHERE project_id = $1 AND external_code = '1'`,
      [project],
    );
    expect(first).toEqual({
      planned_start: new Date(utc('2026-11-02T08:00')),
      materials: [{ name: '电缆', quantity: 100, unit: '米' }],
      tools: ['放线架'],
    });
    const [cut] = await t.dataSource.query(
      `SELECT interruption_kind, interruption_starts_at FROM tasks WHERE project_id = $1 AND external_code = '300'`,
      [project],
    );
    expect(cut).toEqual({ interruption_kind: 'power', interruption_starts_at: new Date(utc('2026-12-04T08:00')) });
  });

  it("takes a coordinator's own sheet by a column mapping (multipart), with serial dates; previews it first", async () => {
    const other = await world.project('HPXC-XLSX-OWN');
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('计划');
    sheet.addRow(['序', '工作', '队伍', '计划开工', '天', '紧前', '备注']);
    // 46328.333… is 2026-11-02 08:00 as an Excel serial.
    sheet.addRow(['A1', '沟槽开挖', '沟槽一班', 46328 + 1 / 3, 2, '', '']);
    sheet.addRow(['A2', '光缆穿管', '光缆一班', '', '4h', 'A1FS+1d', '夜间不施工']);
    const data = await toBuffer(workbook);
    const mapping = {
      序: 'code',
      工作: 'title',
      队伍: 'crew',
      计划开工: 'start',
      天: 'duration',
      紧前: 'predecessors',
    };
    const preview = await t.http
      .post(`/api/projects/${other}/import.xlsx?preview=true`)
      .attach('file', data, { filename: 'plan.xlsx', contentType: XLSX })
      .expect(200);
    expect(preview.body).toMatchObject({
      headers: ['序', '工作', '队伍', '计划开工', '天', '紧前', '备注'],
      rowCount: 2,
      rows: [
        { 序: 'A1', 工作: '沟槽开挖', 队伍: '沟槽一班' },
        { 序: 'A2', 紧前: 'A1FS+1d' },
      ],
    });
    const imported = await t.http
      .post(`/api/projects/${other}/import.xlsx`)
      .field('mapping', JSON.stringify(mapping))
      .attach('file', data, { filename: 'plan.xlsx', contentType: XLSX })
      .expect(200);
    expect(imported.body.summary).toMatchObject({ created: 2, linksCreated: 1 });
    const rows = await t.dataSource.query(
      'SELECT external_code, planned_start, crew_id FROM tasks WHERE project_id = $1 ORDER BY external_code',
      [other],
    );
    // A1: Monday 08:00 for two days, to Tuesday 18:00. A2 a working day later: Wednesday is off and
    // Thursday afternoon blacked out, so the lag ends Friday 12:00 and A2 starts after the noon break.
    expect(rows).toEqual([
      { external_code: 'A1', planned_start: new Date(utc('2026-11-02T08:00')), crew_id: world.crews.civil },
      { external_code: 'A2', planned_start: new Date(utc('2026-11-06T14:00')), crew_id: world.crews.fibre },
    ]);
    await t.http
      .post(`/api/projects/${other}/import.xlsx`)
      .query({ mapping: JSON.stringify({ 不存在: 'code' }) })
      .set('Content-Type', XLSX)
      .send(data)
      .expect(400);
    await t.http
      .post(`/api/projects/${other}/import.xlsx`)
      .set('Content-Type', XLSX)
      .send(Buffer.from('not a zip'))
      .expect(400);
  });
});
