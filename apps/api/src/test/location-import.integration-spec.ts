import { Role } from '@worksite/shared-domain';
import { Workbook } from 'exceljs';
import type { Response } from 'superagent';
import { createTestApp, TestApp } from '../testing/test-app';

type Agent = Awaited<ReturnType<TestApp['as']>>;
type Json = Record<string, unknown>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const binary = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A community of 5 compounds × 10 buildings × 8 units: 455 rows (compounds, buildings, units). */
function community(): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (let c = 1; c <= 5; c++) {
    const compound = `和平${c}小区`;
    rows.push([compound, null, null, 800 + c, `沈阳市和平区八经街${c}号`]);
    for (let b = 1; b <= 10; b++) {
      rows.push([compound, `${b}号楼`, null, 48, null]);
      for (let u = 1; u <= 8; u++) rows.push([compound, `${b}号楼`, `${u}单元`, 6, null]);
    }
  }
  return rows;
}

describe('the community from a sheet', () => {
  let t: TestApp;
  let coordinator: Agent;
  let template: Buffer;

  /** The template with these rows filled in. */
  const sheetOf = async (rows: (string | number | null)[][]): Promise<Buffer> => {
    const workbook = new Workbook();
    await workbook.xlsx.load(template as never);
    const sheet = workbook.worksheets[0];
    rows.forEach((values, index) => {
      values.forEach((value, column) => {
        if (value !== null) sheet.getCell(index + 2, column + 1).value = value;
      });
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };
  const upload = (agent: Agent, body: Buffer, dryRun = false) =>
    agent
      .post(`/api/locations/import${dryRun ? '?dryRun=true' : ''}`)
      .set('Content-Type', XLSX)
      .send(body);
  const countLocations = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM locations'))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.as({ role: Role.Coordinator });
    const response = await coordinator
      .get('/api/locations/import-template.xlsx')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe(XLSX);
    template = response.body;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('offers a template with the Chinese headers', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load(template as never);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['小区', '楼号', '单元', '户数', '地址']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('reports every problem by row and column and writes nothing', async () => {
    const rows = community();
    rows.push(
      [null, '3号楼', '1单元', 6, null], // row 457: no compound
      ['和平1小区', '1号楼', '9单元', 'abc', null], // row 458: households not a number
      ['和平2小区', '2号楼', null, -3, null], // row 459: negative (and a duplicate of row 5… of 和平2小区 2号楼)
      ['和平3小区', null, '1单元', 6, null], // row 460: unit without building
      ['和平1小区', '1号楼', '1单元', 6, null], // row 461: duplicate of row 4
    );
    const response = await upload(coordinator, await sheetOf(rows)).expect(422);
    expect(response.body).toMatchObject({ statusCode: 422, code: 'import_invalid' });
    const fields = (response.body.problems as { field: string; messages: string[] }[]).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'rows[457].compound',
        'rows[458].households',
        'rows[459].households',
        'rows[460].building',
        'rows[461].unit',
      ]),
    );
    const messages = (response.body.problems as { messages: string[] }[]).flatMap((p) => p.messages).join('\n');
    expect(messages).toContain('第 458 行：“户数”必须是 0 到 1000000 之间的整数（现为“abc”）');
    expect(messages).toContain('第 461 行：与第 4 行重复（和平1小区 1号楼 1单元）');
    expect(await countLocations()).toBe(0);
  });

  it('writes a correct sheet in one go, previews first with dryRun, and updates in place on re-import', async () => {
    const rows = community();
    const preview = await upload(coordinator, await sheetOf(rows), true).expect(200);
    expect(preview.body).toEqual({
      dryRun: true,
      rows: 455,
      created: { compounds: 5, buildings: 50, units: 400 },
      updated: 0,
      unchanged: 0,
    });
    expect(await countLocations()).toBe(0);

    const done = await upload(coordinator, await sheetOf(rows)).expect(200);
    expect(done.body).toMatchObject({ dryRun: false, created: { compounds: 5, buildings: 50, units: 400 } });
    expect(await countLocations()).toBe(455);
    const [compound] = await t.dataSource.query(
      "SELECT id, households, address, version FROM locations WHERE name = '和平1小区' AND parent_id IS NULL",
    );
    expect(compound).toMatchObject({ households: 801, address: '沈阳市和平区八经街1号', version: 1 });
    const unitsBefore: { id: string }[] = await t.dataSource.query(
      "SELECT id FROM locations WHERE kind = 'unit' ORDER BY id",
    );

    // Edits: households of a building, an address for a unit, a new unit.
    rows[1] = ['和平1小区', '1号楼', null, 50, null];
    rows[2] = ['和平1小区', '1号楼', '1单元', 6, '八经街1号1号楼1单元'];
    rows.push(['和平1小区', '1号楼', '9单元', 4, null]);
    const again = await upload(coordinator, await sheetOf(rows)).expect(200);
    expect(again.body).toEqual({
      dryRun: false,
      rows: 456,
      created: { compounds: 0, buildings: 0, units: 1 },
      updated: 2,
      unchanged: 453,
    });
    expect(await countLocations()).toBe(456);
    const unitsAfter: { id: string }[] = await t.dataSource.query(
      "SELECT id FROM locations WHERE kind = 'unit' ORDER BY id",
    );
    expect(unitsAfter.map((u) => u.id)).toEqual(expect.arrayContaining(unitsBefore.map((u) => u.id)));
    const [building] = await t.dataSource.query(
      "SELECT b.households, b.version FROM locations b JOIN locations c ON c.id = b.parent_id WHERE c.name = '和平1小区' AND b.name = '1号楼'",
    );
    expect(building).toEqual({ households: 50, version: 2 });
    const duplicates = await t.dataSource.query(
      'SELECT parent_id, name FROM locations GROUP BY parent_id, name HAVING count(*) > 1',
    );
    expect(duplicates).toEqual([]);
    const audit = await t.dataSource.query("SELECT count(*) AS n FROM audit_entries WHERE entity = 'location'");
    expect(Number(audit[0].n)).toBe(455 + 1 + 2);
  });

  it('takes .xlsx only, from admins and coordinators', async () => {
    const viewer = await t.as({ role: Role.Viewer });
    const contractor = await t.as({ role: Role.Contractor, crewIds: [] });
    const body = await sheetOf([['新小区', null, null, null, null]]);
    await upload(viewer, body).expect(403);
    await upload(contractor, body).expect(403);
    const json = await coordinator
      .post('/api/locations/import')
      .send({ rows: [] as Json[] })
      .expect(415);
    expect(json.body.code).toBe('unsupported_media_type');
    await upload(coordinator, Buffer.from('not a workbook')).expect(400);
    // A form upload with the workbook in `file`, as a browser sends it.
    const form = await coordinator
      .post('/api/locations/import?dryRun=true')
      .attach('file', body, { filename: '小区.xlsx', contentType: XLSX })
      .expect(200);
    expect(form.body).toMatchObject({ dryRun: true, created: { compounds: 1, buildings: 0, units: 0 } });
    const empty = await upload(coordinator, await sheetOf([])).expect(422);
    expect(empty.body.problems[0].field).toBe('sheet');
    expect(await countLocations()).toBe(456);
  });
});
