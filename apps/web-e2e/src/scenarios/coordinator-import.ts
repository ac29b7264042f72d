import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { it } from 'node:test';
import { Workbook, Worksheet } from 'exceljs';
import type { Page } from 'playwright-core';
import type { ProjectDto, ProjectScheduleDto, TaskDto } from '@worksite/shared-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { ApiUser, demoProject, DEMO } from '../support/api';
import { logIn, newPage } from '../support/browser';
import { ROOT } from '../support/stack';
import type { E2eContext } from '../main.e2e';

const SCREENSHOTS = resolve(ROOT, 'dist/e2e-screenshots');

type Named = { id: string; name: string };
type Crew = Named & { departmentId: string };

const cell = (taskId: string, column: string) => `[data-table-task="${taskId}"] [data-column="${column}"]`;

/** Column numbers of a sheet by its header row. */
function columns(sheet: Worksheet): Record<string, number> {
  const found: Record<string, number> = {};
  sheet.getRow(1).eachCell((header, column) => (found[String(header.value).trim()] = column));
  return found;
}

/** Downloads what clicking `selector` offers into `file`. */
async function download(page: Page, selector: string, file: string): Promise<string> {
  const [offered] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  await offered.saveAs(file);
  return file;
}

/** Uploads a file in the open import dialog and waits for its preview (the column mapping). */
async function upload(page: Page, file: string): Promise<void> {
  await page.setInputFiles('[data-testid=import-file]', file);
  await page.locator('[data-testid=import-check]').waitFor();
}

/** The check, then the confirmation; answers the summary the check showed. */
async function checkAndConfirm(page: Page): Promise<string> {
  await page.click('[data-testid=import-check]');
  const summary = (await page.locator('[data-testid=import-summary]').textContent()) ?? '';
  await page.click('[data-testid=import-confirm]');
  await page.locator('[data-testid=import-done]').waitFor();
  return summary;
}

export function coordinatorImport(ctx: E2eContext): void {
  it(
    'a coordinator imports an Excel plan in the browser: template, a bad row reported and annotated, fixed, previewed, confirmed; then a sheet of their own by a column mapping',
    { timeout: 240_000 },
    async () => {
      const suffix = String(Date.now()).slice(-6);
      const api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
      const demo = await demoProject(api);
      const start = addDays(localDateOf(Date.now(), demo.timeZone), 28);
      const project = await api.post<ProjectDto>('projects', {
        code: `DR-${suffix}`,
        name: `端到端导入${suffix}`,
        calendarId: demo.calendarId,
        timeZone: demo.timeZone,
        startDate: start,
      });
      const crew = (await api.get<{ items: Crew[] }>('crews?pageSize=1')).items[0];
      const department = await api.get<Named>(`departments/${crew.departmentId}`);
      const tasksNamed = async (prefix: string) =>
        (await api.get<{ items: TaskDto[] }>(`tasks?projectId=${project.id}&pageSize=100`)).items.filter((task) =>
          task.title.startsWith(prefix),
        );

      const { context, page, errors } = await newPage(ctx.browser);
      const folder = mkdtempSync(join(tmpdir(), 'ws-import-'));
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt`);
        await page.click('[data-testid=import-open]');
        const dialog = page.locator('[data-testid=import-dialog]');
        await dialog.waitFor();
        assert.match((await dialog.locator('h2').textContent()) ?? '', /导入 Excel 计划/, 'the dialog speaks Chinese');

        // The template, filled with three rows; the second has a date that does not exist.
        const template = await download(page, '[data-testid=import-template]', join(folder, 'template.xlsx'));
        const book = new Workbook();
        await book.xlsx.readFile(template);
        const sheet = book.worksheets[0];
        const column = columns(sheet);
        for (const header of ['编号', '任务名称', '部门', '班组', '开始', '工期', '前置任务']) {
          assert.ok(column[header], `the template has the column ${header}`);
        }
        // The template's example rows are replaced by the plan.
        const examples = sheet.rowCount;
        assert.ok(examples >= 2, 'the template shows an example');
        for (let number = 2; number <= examples; number++) {
          sheet.getRow(number).eachCell({ includeEmpty: true }, (cell) => (cell.value = null));
        }
        const rows = [
          { 编号: 'E1', 任务名称: '端到端导入：沟槽开挖', 开始: `${start} 08:00`, 工期: '1天' },
          { 编号: 'E2', 任务名称: '端到端导入：电缆敷设', 开始: '2026-02-30 08:00', 工期: '2天', 前置任务: 'E1' },
          { 编号: 'E3', 任务名称: '端到端导入：恢复路面', 工期: '4小时', 前置任务: 'E2FS+1d' },
        ];
        rows.forEach((values, index) => {
          const row = sheet.getRow(index + 2);
          row.getCell(column['部门']).value = department.name;
          row.getCell(column['班组']).value = crew.name;
          for (const [header, value] of Object.entries(values)) row.getCell(column[header]).value = value;
          row.commit();
        });
        const filled = join(folder, '计划.xlsx');
        await book.xlsx.writeFile(filled);

        await upload(page, filled);
        await page.click('[data-testid=import-check]');
        const problems = page.locator('.problems li');
        await problems.first().waitFor();
        const report = await problems.allTextContents();
        assert.equal(report.length, 1, `one problem: ${report.join(' | ')}`);
        assert.match(report[0], /第 3 行 · 开始/, 'named by its row and column');
        assert.match(report[0], /2026-02-30/, 'quoting what was written');
        assert.equal((await tasksNamed('端到端导入')).length, 0, 'nothing is written');
        mkdirSync(SCREENSHOTS, { recursive: true });
        await dialog.screenshot({ path: resolve(SCREENSHOTS, 'import-report.png') });

        // The same sheet with a comment on the bad cell.
        const annotatedFile = await download(page, '[data-testid=import-annotated]', join(folder, 'errors.xlsx'));
        const annotated = new Workbook();
        await annotated.xlsx.readFile(annotatedFile);
        const bad = annotated.worksheets[0].getCell(3, column['开始']);
        const note = typeof bad.note === 'string' ? bad.note : (bad.note?.texts ?? []).map((t) => t.text).join('');
        assert.match(note, /2026-02-30/, `the bad cell has a comment (${note})`);
        assert.ok(!annotated.worksheets[0].getCell(2, column['开始']).note, 'a good cell has none');

        // Fixed and chosen again: previewed, checked, confirmed.
        sheet.getRow(3).getCell(column['开始']).value = `${addDays(start, 1)} 08:00`;
        await book.xlsx.writeFile(filled);
        await page.click('[data-testid=import-choose-again]');
        await upload(page, filled);
        assert.match(
          (await dialog.locator('tbody').textContent()) ?? '',
          /端到端导入：电缆敷设/,
          'the preview shows the rows',
        );
        const summary = await checkAndConfirm(page);
        assert.match(summary, /将新建 3 个任务/, summary);
        assert.match((await page.textContent('[data-testid=import-done]')) ?? '', /新建 3 个/);
        await dialog.locator('footer button.primary').click();

        const imported = await tasksNamed('端到端导入');
        assert.equal(imported.length, 3, 'three tasks are written');
        for (const task of imported) {
          await page.locator(cell(task.id, 'title')).waitFor({ state: 'visible' });
          assert.equal((await page.textContent(cell(task.id, 'title')))?.trim(), task.title, 'in the table');
        }
        // And in the chart, opened at each (the chart draws the weeks in view).
        for (const task of imported) {
          await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt?task=${task.id}&zoom=day`);
          await page.locator(`.chart [data-task-id="${task.id}"]`).waitFor({ state: 'attached' });
        }
        const byTitle = Object.fromEntries(imported.map((task) => [task.title, task]));
        const links = (await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`)).dependencies;
        assert.ok(
          links.some(
            (link) =>
              link.predecessorId === byTitle['端到端导入：电缆敷设'].id &&
              link.successorId === byTitle['端到端导入：恢复路面'].id &&
              link.type === 'FS',
          ),
          'E2 → E3 finish-to-start',
        );

        // A sheet of the coordinator's own, with other column names, mapped in the browser.
        const own = new Workbook();
        const ownSheet = own.addWorksheet('三月计划');
        ownSheet.addRow(['序号', '工作内容', '责任单位', '施工班组', '计划开始', '天数', '紧前工作']);
        ownSheet.addRow(['Z1', '自有表格：管沟回填', department.name, crew.name, `${start} 08:00`, '1天', '']);
        ownSheet.addRow(['Z2', '自有表格：绿化恢复', department.name, crew.name, '', '2天', 'Z1']);
        const ownFile = join(folder, '我的计划.xlsx');
        await own.xlsx.writeFile(ownFile);
        await page.click('[data-testid=import-open]');
        await upload(page, ownFile);
        const mapping: Record<string, string> = {
          序号: 'code',
          工作内容: 'title',
          责任单位: 'department',
          施工班组: 'crew',
          计划开始: 'start',
          天数: 'duration',
          紧前工作: 'predecessors',
        };
        for (const [header, field] of Object.entries(mapping)) {
          await page.selectOption(`select[data-testid="map-${header}"]`, field);
        }
        await dialog.screenshot({ path: resolve(SCREENSHOTS, 'import-mapping.png') });
        const ownSummary = await checkAndConfirm(page);
        assert.match(ownSummary, /将新建 2 个任务/, ownSummary);
        await dialog.locator('footer button.primary').click();
        const ownTasks = await tasksNamed('自有表格');
        assert.equal(ownTasks.length, 2, 'both rows of the own sheet are written');
        for (const task of ownTasks) await page.locator(cell(task.id, 'title')).waitFor({ state: 'visible' });
        const [first, second] = ['自有表格：管沟回填', '自有表格：绿化恢复'].map((title) =>
          ownTasks.find((task) => task.title === title),
        );
        assert.ok(first && second);
        assert.ok(second.plannedStart >= first.plannedFinish, 'the second follows the first');
        assert.deepEqual(errors, [], 'no page errors');
      } finally {
        await context.close();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
}
