/**
 * npm run bench:import — the bulk import at size: 10,000 tasks and 15,000 links from an .xlsx
 * (parse, validate, write, one scheduling pass), cold (first run in the process) and warm;
 * then the same project exported as MS Project XML and imported from it. Prints `name value
 * unit` lines and the process's peak RSS. Targets on the 2-core machine: ≤ 15 s each, ≤ 600 MB.
 *
 * BENCH_TASKS (10,000) and BENCH_LINKS (15,000) change the size.
 */
import { SYSTEM_ACTOR } from '@worksite/auth-access';
import { IMPORT_FIELDS, IMPORT_HEADERS } from '@worksite/import-domain';
import { ImportService, MspdiService, XlsxImportService } from '@worksite/import-api';
import { ProjectCalendarService, ProjectNetworkService } from '@worksite/scheduling-data-access';
import {
  CalendarEntity,
  ContractorEntity,
  CrewEntity,
  DepartmentEntity,
  LocationEntity,
  ProjectEntity,
} from '@worksite/server-data-access';
import { createTestDatabase } from '@worksite/server-testing';
import { DepartmentKind, LocationKind } from '@worksite/shared-domain';
import { stream } from 'exceljs';
import { PassThrough } from 'node:stream';

const TASKS = Number(process.env['BENCH_TASKS'] ?? 10_000);
const LINKS = Number(process.env['BENCH_LINKS'] ?? 15_000);
const DAY = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];

const print = (name: string, value: number, unit: string) => console.log(`${name} ${value} ${unit}`);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** With --expose-gc (the npm script passes it): each measured step starts from a collected heap. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * A sheet of the template's columns: task n waits for n-1 (FS) and, for half of them, for an
 * earlier one (SS+1d). Written with exceljs's streaming writer, row by row: a whole Workbook
 * of 10,000 rows took ~250 MB, which the process's peak RSS counted against the import.
 */
async function sheet(): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: true });
  const rows = workbook.addWorksheet('任务');
  rows.addRow(IMPORT_FIELDS.map((field) => IMPORT_HEADERS[field]['zh-CN'])).commit();
  let links = 0;
  for (let n = 1; n <= TASKS; n++) {
    const predecessors: string[] = [];
    if (n > 1 && links < LINKS) {
      predecessors.push(`${n - 1}`);
      links++;
    }
    if (n > 20 && links < LINKS && n % 2 === 0) {
      predecessors.push(`${n - 20 + (n % 7)}SS+1d`);
      links++;
    }
    rows
      .addRow([
        String(n),
        `第${n}段管线施工`,
        '国网沈阳供电公司',
        n % 2 ? '电缆一班' : '电缆二班',
        '和平新村',
        `${(n % 40) + 1}`,
        '',
        n === 1 ? '2026-12-01 08:00' : '',
        '',
        n % 3 ? '4小时' : '1天',
        predecessors.join('; '),
        '电缆 100米',
        '放线架',
        '戴安全帽',
        '',
        '计划中',
      ])
      .commit();
  }
  if (links < LINKS) console.warn(`only ${links} links fit ${TASKS} tasks`);
  rows.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  try {
    const manager = db.dataSource.manager;
    const calendar = await manager.save(CalendarEntity, {
      name: '基准日历',
      weeklyWindows: { 1: DAY, 2: DAY, 3: DAY, 4: DAY, 5: DAY, 6: DAY },
    });
    const department = await manager.save(DepartmentEntity, { kind: DepartmentKind.Power, name: '国网沈阳供电公司' });
    const contractor = await manager.save(ContractorEntity, { name: '沈阳电力工程', departmentId: department.id });
    for (const name of ['电缆一班', '电缆二班']) {
      await manager.save(CrewEntity, {
        name,
        leaderName: '王',
        contractorId: contractor.id,
        departmentId: department.id,
      });
    }
    const compound = await manager.save(LocationEntity, { kind: LocationKind.Compound, name: '和平新村' });
    for (let b = 1; b <= 40; b++) {
      await manager.save(LocationEntity, { kind: LocationKind.Building, name: `${b}号楼`, parentId: compound.id });
    }
    const project = (code: string) =>
      manager.save(ProjectEntity, {
        code,
        name: code,
        calendarId: calendar.id,
        timeZone: 'Asia/Shanghai',
        startDate: '2026-12-01',
      });
    const calendars = new ProjectCalendarService(db.dataSource);
    const networks = new ProjectNetworkService(db.dataSource, calendars);
    const imports = new ImportService(db.dataSource, networks);
    const xlsx = new XlsxImportService(networks, imports);
    const mspdi = new MspdiService(networks, imports);

    const data = await sheet();
    print('import_xlsx_bytes', data.length, 'B');
    print('peak_rss_after_making_the_sheet', peakRssMb(), 'MB');
    for (const run of ['cold', 'warm']) {
      const target = await project(`BENCH-${run}`);
      collect();
      const started = performance.now();
      const outcome = await xlsx.run(target.id, SYSTEM_ACTOR, data, {}, 'zh-CN');
      const seconds = (performance.now() - started) / 1000;
      print(`import_xlsx_${run}_seconds`, Number(seconds.toFixed(2)), 's');
      print(`import_xlsx_${run}_tasks`, outcome.summary.created, 'tasks');
      print(`import_xlsx_${run}_links`, outcome.summary.linksCreated, 'links');
      print('peak_rss', peakRssMb(), 'MB');
    }
    const source = await manager.findOneByOrFail(ProjectEntity, { code: 'BENCH-warm' });
    let started = performance.now();
    const { xml } = await mspdi.export(source.id, SYSTEM_ACTOR);
    print('export_mspdi_seconds', Number(((performance.now() - started) / 1000).toFixed(2)), 's');
    const target = await project('BENCH-mspdi');
    collect();
    started = performance.now();
    const outcome = await mspdi.import(target.id, SYSTEM_ACTOR, xml, { department: '国网沈阳供电公司' });
    print('import_mspdi_seconds', Number(((performance.now() - started) / 1000).toFixed(2)), 's');
    print('import_mspdi_tasks', outcome.summary.created, 'tasks');
    print('import_mspdi_links', outcome.summary.linksCreated, 'links');
    print('peak_rss', peakRssMb(), 'MB');
  } finally {
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
