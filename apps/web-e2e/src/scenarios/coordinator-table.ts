import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { CalendarSpec, workingDayMinutes, WorkingCalendar } from '@worksite/scheduling-engine';
import type { ProjectDto, ProjectScheduleDto, TaskDto } from '@worksite/shared-domain';
import { addDays, instantOf, localDateOf, weekdayOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO } from '../support/api';
import { logIn, newPage } from '../support/browser';
import type { E2eContext } from '../main.e2e';

/** The first Monday at least three weeks ahead with a plain working week (whatever day the test runs). */
function plainMonday(schedule: ProjectScheduleDto, today: string): string {
  const { holidays, makeUpWorkdays } = schedule.calendar;
  for (let date = addDays(today, 21); date < addDays(today, 400); date = addDays(date, 1)) {
    if (weekdayOf(date) !== 1) continue;
    const week = [0, 1, 2, 3, 4].map((n) => addDays(date, n));
    if (week.some((day) => holidays.includes(day) || makeUpWorkdays.includes(day))) continue;
    return date;
  }
  throw new Error('no plain working week in the next 400 days of the demo calendar');
}

/** A chart bar's box in the chart's own pixels (its style). */
async function barBox(page: Page, id: string): Promise<{ left: number; width: number }> {
  const bar = page.locator(`.chart [data-task-id="${id}"]`);
  await bar.waitFor({ state: 'attached' });
  return bar.evaluate((node) => {
    const style = (node as HTMLElement).style;
    return { left: parseFloat(style.left), width: parseFloat(style.width) };
  });
}

const cell = (taskId: string, column: string) => `[data-table-task="${taskId}"] [data-column="${column}"]`;

export function coordinatorTable(ctx: E2eContext): void {
  it(
    'a coordinator creates a task in the table, types its duration and predecessors as in MS Project, sees the chart follow, and exports the table to Excel',
    { timeout: 150_000 },
    async () => {
      const api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
      const projects = await api.get<{ items: ProjectDto[] }>('projects');
      const project = projects.items.find((p) => p.code === 'HPXC-FXRD');
      assert.ok(project, 'the demo project exists');
      const zone = project.timeZone;
      const schedule = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
      const dayMinutes = workingDayMinutes(WorkingCalendar.compile(schedule.calendar as unknown as CalendarSpec));
      const monday = plainMonday(schedule, localDateOf(Date.now(), zone));

      // A task of its own compound on a plain Monday: the new task follows it.
      const compound = await api.post<{ id: string }>('locations', { kind: 'compound', name: '端到端任务表小区' });
      const crews = (await api.get<{ items: { id: string }[] }>('crews?pageSize=1')).items;
      const first = await api.post<TaskDto>('tasks', {
        projectId: project.id,
        title: '端到端表格：沟槽开挖',
        crewId: crews[0].id,
        locationId: compound.id,
        plannedStart: instantOf(monday, '08:00', zone).toISOString(),
        durationMinutes: dayMinutes,
      });
      assert.ok(first.code > 0, 'a created task gets a code');

      const { context, page, errors } = await newPage(ctx.browser);
      const downloads = mkdtempSync(join(tmpdir(), 'ws-table-'));
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt?task=${first.id}&zoom=day&group=location`);
        const firstTitle = page.locator(cell(first.id, 'title'));
        await firstTitle.waitFor({ state: 'visible' });
        assert.equal((await page.textContent(cell(first.id, 'code')))?.trim(), String(first.code));

        // Select the first task, then type a title in the new-task line and press Enter.
        await firstTitle.click();
        const title = page.locator('[data-testid=new-task-title]');
        await title.fill('端到端表格：电缆敷设');
        await title.press('Enter');
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        const tasks = await api.get<{ items: TaskDto[] }>(`tasks?projectId=${project.id}&locationId=${compound.id}`);
        const created = tasks.items.find((t) => t.title === '端到端表格：电缆敷设');
        assert.ok(created, 'the new task is stored');
        assert.equal(created.code, first.code + 1, 'it gets the next code');
        assert.equal(
          created.plannedStart,
          instantOf(addDays(monday, 1), '08:00', zone).toISOString(),
          'it starts where the selected task finishes (Monday evening: Tuesday morning)',
        );
        assert.equal(created.durationMinutes, dayMinutes, 'one working day');
        // Its row in the table and its bar in the chart (opened at the task, as from a link).
        await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt?task=${created.id}&zoom=day&group=location`);
        await page.locator(cell(created.id, 'title')).waitFor({ state: 'visible' });
        const before = await barBox(page, created.id);

        // Its duration typed the Chinese way: 3天.
        await page.locator(cell(created.id, 'duration')).dblclick();
        const editor = page.locator('[data-testid=cell-editor]');
        await editor.fill('3天');
        await editor.press('Enter');
        await api.waitFor(
          () => api.get<TaskDto>(`tasks/${created.id}`),
          (t) => t.durationMinutes === 3 * dayMinutes,
        );
        await page.waitForFunction(
          ([id, width]) =>
            parseFloat((document.querySelector(`.chart [data-task-id="${id}"]`) as HTMLElement)?.style.width) >
            (width as number),
          [created.id, before.width] as const,
        );
        const longer = await barBox(page, created.id);
        assert.ok(longer.width > before.width * 2, `the bar lengthens (${before.width} → ${longer.width} px)`);

        // Its predecessors in MS Project notation: the first task, finish-to-start plus one day.
        await page.locator(cell(created.id, 'predecessors')).dblclick();
        await editor.fill(`${first.code}FS+1d`);
        await editor.press('Enter');
        const linked = await api.waitFor(
          () => api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`),
          (s) => s.dependencies.some((d) => d.predecessorId === first.id && d.successorId === created.id),
        );
        const link = linked.dependencies.find((d) => d.predecessorId === first.id && d.successorId === created.id);
        assert.deepEqual([link?.type, link?.lagMinutes], ['FS', dayMinutes]);
        await page.waitForSelector(`[data-link="${first.id}>${created.id}:FS"]`, { state: 'attached' });
        const moved = await barBox(page, created.id);
        assert.ok(moved.left > longer.left, `the bar moves a working day later (${longer.left} → ${moved.left} px)`);
        assert.equal(
          (await page.textContent(cell(created.id, 'predecessors')))?.trim(),
          `${first.code}FS+1d`,
          'the cell shows the link in the notation',
        );
        // A typo is refused in words, naming the piece, and what was typed stays.
        await page.locator(cell(created.id, 'predecessors')).dblclick();
        await editor.fill(`${first.code}XX`);
        await editor.press('Enter');
        const refusal = (await page.textContent('[data-testid=cell-error]')) ?? '';
        assert.ok(refusal.includes(`${first.code}XX`), refusal);
        assert.equal(await editor.inputValue(), `${first.code}XX`);
        await editor.press('Escape');

        // Export what the table shows and read it back.
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
        const file = join(downloads, 'table.xlsx');
        await download.saveAs(file);
        const workbook = new Workbook();
        await workbook.xlsx.readFile(file);
        const sheet = workbook.worksheets[0];
        const headers = (sheet.getRow(1).values as unknown[]).slice(1);
        assert.deepEqual(headers.slice(0, 2), ['编号', '任务名称'], 'Chinese headers');
        assert.equal(sheet.views[0]?.state, 'frozen', 'the header row is frozen');
        let found: unknown[] | undefined;
        sheet.eachRow((row) => {
          const values = (row.values as unknown[]).slice(1);
          if (values[1] === '端到端表格：电缆敷设') found = values;
        });
        assert.ok(found, 'the new task is in the sheet');
        assert.equal(found[0], created.code);
        assert.ok(headers.includes('工期') && found.includes('3天'), 'its duration as the table shows it');
        assert.deepEqual(errors, []);
      } finally {
        rmSync(downloads, { recursive: true, force: true });
        await context.close();
      }
    },
  );
}
