import { Role } from '@worksite/shared-domain';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, SchedulingWorld, utc } from './scheduling-world';

type Json = Record<string, unknown>;

/** A sheet of `count` tasks: each row n > 1 follows row n - 1 (FS, or SS+1d every fifth row). */
function sheet(count: number, extra: (n: number) => Json = () => ({})): Json[] {
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    return {
      code: String(n),
      title: `T${n} 电缆敷设`,
      department: '国网沈阳供电公司',
      crew: '电缆一班',
      compound: '和平新村',
      building: '1',
      unit: '1',
      ...(n === 1 ? { start: '2026-11-02 08:00' } : { predecessors: n % 5 === 0 ? `${n - 1}SS+1d` : `${n - 1}FS` }),
      duration: n % 3 === 0 ? '4小时' : '1天',
      materials: '电缆 200米; 接头 4个',
      tools: '电缆盘, 放线架',
      safetyNotes: '戴安全帽',
      ...extra(n),
    };
  });
}

describe('bulk import over HTTP', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;

  const count = async (table: string, projectId = project) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE project_id = $1`, [projectId]))[0].n);
  const audits = async (projectId: string) =>
    Number(
      (
        await t.dataSource.query(
          `SELECT count(*) AS n FROM audit_entries WHERE project_id = $1 AND entity IN ('task', 'dependency')`,
          [projectId],
        )
      )[0].n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-IMPORT');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('refuses 500 rows with deliberate errors, naming every row and field, and writes nothing', async () => {
    const tasks = sheet(500, (n) => {
      if (n === 7) return { crew: '不存在的班组' };
      if (n === 50) return { start: '2026-13-45 08:00' };
      if (n === 120) return { code: '119', predecessors: '' };
      if (n === 200) return { predecessors: '999FS' };
      if (n === 250) return { predecessors: '249FS+3ed' };
      if (n === 300) return { duration: '很久' };
      if (n === 333) return { department: '不存在的部门' };
      if (n === 400) return { predecessors: '401FS' };
      if (n === 450) return { building: '99' };
      return {};
    });
    const response = await t.http
      .post(`/api/projects/${project}/import`)
      .set('Accept-Language', 'en')
      .send({ tasks })
      .expect(422);
    expect(response.body.code).toBe('import_invalid');
    const report = response.body.report as { row: number; field: string; column: string; message: string }[];
    const at = (row: number) => report.filter((problem) => problem.row === row).map((p) => `${p.field}: ${p.message}`);
    expect(at(7)).toEqual(['crew: no crew is named "不存在的班组"']);
    expect(at(50)[0]).toContain('start: "2026-13-45 08:00" is not a date and time');
    expect(at(119)).toEqual(['code: the code 119 is used more than once (rows 119, 120)']);
    expect(at(120)).toEqual(['code: the code 119 is used more than once (rows 119, 120)']);
    expect(at(121)).toEqual(['predecessors: the predecessor 120 is neither in the sheet nor in the project']);
    expect(at(200)).toEqual(['predecessors: the predecessor 999 is neither in the sheet nor in the project']);
    expect(at(250)[0]).toContain('is elapsed time');
    expect(at(300)[0]).toContain('is not a duration');
    expect(at(333)).toEqual(['department: no department is named "不存在的部门"']);
    expect(at(450)[0]).toContain('no such place');
    // 400 → 401 → 400: the cycle named by its tasks.
    const cycle = report.find((problem) => problem.message.includes('cycle'));
    expect(cycle?.message).toMatch(/401 T401 电缆敷设 → 400 T400 电缆敷设|400 T400 电缆敷设 → 401 T401 电缆敷设/);
    expect(report.find((problem) => problem.row === 7)?.column).toBe('Crew');
    expect(await count('tasks')).toBe(0);
    expect(await count('dependencies')).toBe(0);
  });

  it('answers the report in Chinese by default', async () => {
    const response = await t.http
      .post(`/api/projects/${project}/import`)
      .send({ tasks: sheet(3, (n) => (n === 2 ? { crew: '不存在' } : {})) })
      .expect(422);
    expect(response.body.report).toEqual([
      { row: 2, code: '2', field: 'crew', column: '班组', message: '没有名为“不存在”的班组' },
    ]);
  });

  it('a dry run reports the summary and writes nothing', async () => {
    const response = await t.http
      .post(`/api/projects/${project}/import`)
      .send({ tasks: sheet(20), dryRun: true })
      .expect(200);
    expect(response.body).toMatchObject({
      dryRun: true,
      summary: { created: 20, updated: 0, unchanged: 0, missing: 0, linksCreated: 19 },
      problems: [],
    });
    expect(await count('tasks')).toBe(0);
  });

  it('imports 500 rows in one transaction and one scheduling pass: successors after their predecessors', async () => {
    const response = await t.http
      .post(`/api/projects/${project}/import`)
      .send({ tasks: sheet(500) })
      .expect(200);
    expect(response.body.summary).toMatchObject({ created: 500, linksCreated: 499, updated: 0 });
    expect(await count('tasks')).toBe(500);
    expect(await count('dependencies')).toBe(499);
    const rows: {
      external_code: string;
      planned_start: Date;
      planned_finish: Date;
      crew_id: string;
      location_id: string;
    }[] = await t.dataSource.query(
      `SELECT external_code, planned_start, planned_finish, crew_id, location_id FROM tasks WHERE project_id = $1`,
      [project],
    );
    const byCode = new Map(rows.map((row) => [row.external_code, row]));
    expect(byCode.get('1')).toMatchObject({
      planned_start: new Date(utc('2026-11-02T08:00')),
      planned_finish: new Date(utc('2026-11-02T18:00')),
      crew_id: world.crews.cable,
      location_id: world.locations.unit,
    });
    // Row 2 follows row 1 (FS): Tuesday 08:00 (Wednesday 2026-11-04 is a holiday, so row 3 is Thursday).
    expect(byCode.get('2')?.planned_start).toEqual(new Date(utc('2026-11-03T08:00')));
    expect(byCode.get('3')?.planned_start).toEqual(new Date(utc('2026-11-05T08:00')));
    for (let n = 2; n <= 500; n++) {
      const before = byCode.get(String(n - 1));
      const task = byCode.get(String(n));
      if (n % 5 === 0) expect(task?.planned_start.getTime()).toBeGreaterThan(before?.planned_start.getTime() ?? 0);
      else expect(task?.planned_start.getTime()).toBeGreaterThanOrEqual(before?.planned_finish.getTime() ?? 0);
    }
    const audits = await t.dataSource.query(
      `SELECT count(*) AS n FROM audit_entries WHERE project_id = $1 AND action = 'create' AND entity IN ('task', 'dependency')`,
      [project],
    );
    expect(Number(audits[0].n)).toBe(999);
  });

  it('re-imports an edited sheet in place: version + 1, unchanged rows kept, missing rows listed then deleted on request', async () => {
    const before: { id: string; version: number }[] = await t.dataSource.query(
      `SELECT id, version FROM tasks WHERE project_id = $1 AND external_code = '10'`,
      [project],
    );
    const edited = sheet(499, (n) => (n === 10 ? { title: 'T10 电缆敷设（改）' } : {}));
    const response = await t.http.post(`/api/projects/${project}/import`).send({ tasks: edited });
    expect(response.body).toMatchObject({
      summary: { created: 0, updated: 1, unchanged: 498, missing: 1, deleted: 0 },
    });
    expect(response.body.missing).toEqual([expect.objectContaining({ code: '500', title: 'T500 电缆敷设' })]);
    const after: { id: string; version: number; title: string }[] = await t.dataSource.query(
      `SELECT id, version, title FROM tasks WHERE project_id = $1 AND external_code = '10'`,
      [project],
    );
    expect(after).toEqual([{ id: before[0].id, version: before[0].version + 1, title: 'T10 电缆敷设（改）' }]);
    expect(await count('tasks')).toBe(500);
    const audit = await t.dataSource.query(
      `SELECT changes FROM audit_entries WHERE entity_id = $1 AND action = 'update'`,
      [before[0].id],
    );
    expect(audit[0].changes.title).toEqual({ before: 'T10 电缆敷设', after: 'T10 电缆敷设（改）' });

    const deleting = await t.http
      .post(`/api/projects/${project}/import`)
      .send({ tasks: edited, deleteMissing: true })
      .expect(200);
    expect(deleting.body.summary).toMatchObject({ updated: 0, unchanged: 499, deleted: 1, linksDeleted: 1 });
    expect(await count('tasks')).toBe(499);
  });

  it('rolls everything back when a write fails late (all or nothing)', async () => {
    const other = await world.project('HPXC-IMPORT-ROLLBACK');
    // A failure in the last statements of the transaction: the links are written after the tasks.
    await t.dataSource.query(`CREATE FUNCTION import_test_fail() RETURNS trigger AS $$
      BEGIN IF NEW.lag_minutes = 777 THEN RAISE EXCEPTION 'late failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.dataSource.query(
      'CREATE TRIGGER import_test_fail BEFORE INSERT ON dependencies FOR EACH ROW EXECUTE FUNCTION import_test_fail()',
    );
    try {
      const tasks = sheet(50, (n) => (n === 50 ? { predecessors: '49FS+777m' } : {}));
      const response = await t.http.post(`/api/projects/${other}/import`).send({ tasks });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await count('tasks', other)).toBe(0);
      expect(await count('dependencies', other)).toBe(0);
      expect(await audits(other)).toBe(0);
    } finally {
      await t.dataSource.query('DROP TRIGGER import_test_fail ON dependencies');
      await t.dataSource.query('DROP FUNCTION import_test_fail');
    }
  });

  it('takes bodies over 1 MB on the import route only, and is for coordinators of the project', async () => {
    const other = await world.project('HPXC-IMPORT-BIG');
    const long = '注意'.repeat(2000);
    const tasks = sheet(400, () => ({ safetyNotes: long }));
    expect(JSON.stringify({ tasks }).length).toBeGreaterThan(1_500_000);
    const agency = await t.as({ role: Role.Agency, departmentId: world.departments.power });
    expect([403, 404]).toContain((await agency.post(`/api/projects/${other}/import`).send({ tasks })).status);
    const coordinator = await t.as({ role: Role.Coordinator, projectIds: [other] });
    const imported = await coordinator.post(`/api/projects/${other}/import`).send({ tasks }).expect(200);
    expect(imported.body.summary.created).toBe(400);
    // Other routes keep the 1 MB limit.
    await t.http
      .post('/api/departments')
      .send({ kind: 'power', name: 'x', contactName: long.repeat(200) })
      .expect(413);
  });

  it('holds a constraint a row gives (must start on, finish no later than) and refuses one the schedule cannot hold', async () => {
    const other = await world.project('HPXC-IMPORT-CONSTRAINT');
    const refused = await t.http
      .post(`/api/projects/${other}/import`)
      .set('Accept-Language', 'en')
      .send({
        tasks: sheet(2, (n) =>
          n === 2 ? { constraint: { type: 'as_late_as_possible', at: '2026-11-03 08:00' } } : {},
        ),
      })
      .expect(422);
    expect(refused.body.report).toEqual([
      {
        row: 2,
        code: '2',
        field: 'constraint',
        column: 'constraint',
        message:
          '"as_late_as_possible" is not a constraint the schedule holds (must_start_on, start_no_earlier_than, finish_no_later_than)',
      },
    ]);
    await t.http
      .post(`/api/projects/${other}/import`)
      .send({
        tasks: sheet(2, (n) =>
          n === 2
            ? { constraint: { type: 'must_start_on', at: '2026-11-03 08:00' } }
            : { constraint: { type: 'finish_no_later_than', at: '2026-11-20 18:00' } },
        ),
      })
      .expect(200);
    const rows: { code: string; type: string; at: Date; start: Date }[] = await t.dataSource.query(
      `SELECT external_code AS code, constraint_type AS type, constraint_at AS at, planned_start AS start
         FROM tasks WHERE project_id = $1 ORDER BY external_code`,
      [other],
    );
    expect(rows.map((row) => [row.code, row.type, row.at.toISOString()])).toEqual([
      ['1', 'finish_no_later_than', utc('2026-11-20T18:00')],
      ['2', 'must_start_on', utc('2026-11-03T08:00')],
    ]);
    expect(rows[1].start.toISOString()).toBe(utc('2026-11-03T08:00'));
  });
});
