import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { Client } from 'pg';
import { readPdf } from '@worksite/server-pdf';
import type { NoticeScheduleDto, ProjectDto, TaskDto } from '@worksite/shared-domain';
import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO, demoProject } from '../support/api';
import { logIn, newPage } from '../support/browser';
import { ROOT } from '../support/stack';
import type { E2eContext } from '../main.e2e';

const SCREENSHOTS = resolve(ROOT, 'dist/e2e-screenshots');

/** Clicks what starts a download and reads the PDF that arrives. */
async function downloadPdf(page: Page, selector: string) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(selector)]);
  const path = await download.path();
  assert.ok(path, 'the download was saved');
  assert.match(download.suggestedFilename(), /\.pdf$/);
  return readPdf(readFileSync(path));
}

/** Opens the task panel of a bar (double click) and waits for its form. */
async function openPanel(page: Page, baseUrl: string, projectId: string, taskId: string): Promise<void> {
  await page.goto(`${baseUrl}/projects/${projectId}/gantt?task=${taskId}&zoom=day`);
  await page.locator(`[data-task-id="${taskId}"]`).waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  await page.dblclick(`[data-task-id="${taskId}"]`);
  await page.waitForSelector('ws-task-panel input[name=title]');
}

/** Whether the page scrolls sideways (it must not at phone width). */
const overflowsX = (page: Page) =>
  page.evaluate(() => (document.scrollingElement as Element).scrollWidth > document.documentElement.clientWidth + 1);

export function coordinatorPrintConflict(ctx: E2eContext): void {
  let api: ApiUser;
  let project: ProjectDto;
  let task: (title: string, date: string) => Promise<TaskDto>;

  const setUp = async () => {
    if (api) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
    project = await demoProject(api);
    const [contractor] = (await api.get<{ items: { id: string }[] }>('contractors?pageSize=1')).items;
    const crew = await api.post<{ id: string }>('crews', {
      name: '端到端打印班',
      contractorId: contractor.id,
      leaderName: '端到端',
    });
    task = (title, date) =>
      api.post<TaskDto>('tasks', {
        projectId: project.id,
        title,
        crewId: crew.id,
        plannedStart: instantOf(date, '08:00', project.timeZone).toISOString(),
        durationMinutes: 240,
        safetyNotes: '进入配电室前验电。',
      });
  };

  it(
    'a coordinator prints the Gantt to PDF from the button (pages hold the project name and 第 n / m 页) and the day plan one page per crew',
    { timeout: 180_000 },
    async () => {
      await setUp();
      const tomorrow = addDays(localDateOf(Date.now(), project.timeZone), 1);
      const printed = await task('端到端：打印用任务', tomorrow);
      // The engine puts the task on the next working day (tomorrow may be a Sunday or a holiday).
      const workDay = localDateOf(Date.parse(printed.plannedStart), project.timeZone);
      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await page.setViewportSize({ width: 1280, height: 800 });
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt?zoom=month`);
        await page.locator('[data-task-id]').first().waitFor({ state: 'visible' });

        // The legend.
        await page.click('[data-testid=legend-open]');
        await page.waitForSelector('[data-testid=legend] li[data-key=critical]');
        assert.match(
          (await page.textContent('[data-testid=legend]')) ?? '',
          /关键路径.*冲突.*手动排程.*基线.*今天.*非工作日.*依赖关系/s,
        );
        await page.screenshot({ path: resolve(SCREENSHOTS, 'gantt-legend-1280.png') });
        await page.click('[data-testid=legend-open]');

        // Print: the dialog starts on the span of the bars shown; the paper is chosen.
        await page.click('[data-testid=print-open]');
        await page.waitForSelector('[data-testid=print-dialog]');
        await page.selectOption('[data-testid=print-paper]', 'A3');
        await page.screenshot({ path: resolve(SCREENSHOTS, 'gantt-print-dialog-1280.png') });
        const gantt = await downloadPdf(page, '[data-testid=print-go]');
        assert.ok(gantt.pages.length >= 1, 'the PDF has pages');
        assert.ok(gantt.title.startsWith(project.name), 'the document is titled with the project name');
        gantt.pages.forEach((texts, index) => {
          assert.ok(texts.includes(project.name), `page ${index + 1} holds the project name`);
          assert.ok(texts.includes(`第 ${index + 1} / ${gantt.pages.length} 页`), `page ${index + 1} is numbered`);
          assert.ok(texts.includes('关键路径'), `page ${index + 1} has the legend`);
        });
        assert.ok(
          gantt.sizes.every((size) => size.width > size.height && Math.round(size.width) === 1191),
          'A3 landscape',
        );
        assert.ok(gantt.pages.flat().includes('端到端：打印用任务'), 'the rows include the new task');

        // The day plan of the task's day: one A4 page per crew with work that day.
        await page.goto(`${ctx.stack.url}/projects/${project.id}/day-plan?date=${workDay}`);
        await page.waitForSelector('[data-testid=day-plan-print]:not([disabled])');
        const plan = await downloadPdf(page, '[data-testid=day-plan-print]');
        const crews = plan.pages.map((texts) => texts.find((text) => text.startsWith('班组：')));
        assert.ok(crews.every(Boolean), 'every page names its crew');
        assert.equal(new Set(crews).size, plan.pages.length, 'one page per crew');
        assert.ok(
          crews.some((crew) => crew?.startsWith('班组：端到端打印班')),
          'the new crew has its page',
        );
        plan.pages.forEach((texts, index) => {
          assert.ok(texts.includes(project.name));
          assert.ok(texts.includes('班组长签字：'), 'a line for the signature');
          assert.ok(texts.includes(`第 ${index + 1} / ${plan.pages.length} 页`));
        });

        // The day after tomorrow has no notices yet: the page says when they go out by themselves
        // (tomorrow evening at the configured send time, which the test stack sets by the hour).
        const { sendTime } = await api.get<NoticeScheduleDto>('notice-runs/schedule');
        const later = addDays(localDateOf(Date.now(), project.timeZone), 2);
        await page.goto(`${ctx.stack.url}/projects/${project.id}/day-plan?date=${later}`);
        const eve = addDays(later, -1);
        const autoSend = (await page.locator('[data-testid=auto-send-at]').textContent())?.trim() ?? '';
        assert.ok(
          autoSend.startsWith(`将于 ${Number(eve.slice(5, 7))}月${Number(eve.slice(8))}日`) &&
            autoSend.includes(`${sendTime} 自动发出`),
          `${autoSend} (send time ${sendTime})`,
        );
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );

  it(
    "a second tab's 409 keeps the first tab's values: the conflict is shown field by field and re-applied with one click",
    { timeout: 150_000 },
    async () => {
      await setUp();
      const date = addDays(localDateOf(Date.now(), project.timeZone), 10);
      const edited = await task('端到端：两个标签页', date);
      const first = await newPage(ctx.browser);
      const second = await newPage(ctx.browser);
      try {
        await first.page.setViewportSize({ width: 1280, height: 800 });
        for (const { page } of [first, second]) {
          await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
          await openPanel(page, ctx.stack.url, project.id, edited.id);
        }
        // The second tab saves first.
        await second.page.fill('ws-task-panel input[name=title]', '端到端：第二个标签页的标题');
        await second.page.click('[data-testid=task-save]');
        await second.page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');

        // The first tab, still on the old version, saves its own title and notes: 409.
        await first.page.fill('ws-task-panel input[name=title]', '端到端：第一个标签页的标题');
        await first.page.fill('ws-task-panel textarea[name=safetyNotes]', '先停电，再验电，挂接地线。');
        await first.page.click('[data-testid=task-save]');
        const clash = first.page.locator('[data-testid=edit-conflict]');
        await clash.waitFor();
        const title = (await clash.locator('li[data-field=title]').textContent()) ?? '';
        assert.match(title, /对方改为：端到端：第二个标签页的标题/);
        assert.match(title, /您填写的：端到端：第一个标签页的标题/);
        assert.match(
          (await clash.locator('li[data-field=safetyNotes]').textContent()) ?? '',
          /对方未改此项.*您填写的：先停电，再验电，挂接地线。/s,
        );
        await first.page.screenshot({ path: resolve(SCREENSHOTS, 'task-409-1280.png') });
        const version = (await api.get<TaskDto>(`tasks/${edited.id}`)).version;

        // One click: the first tab's values are saved over the fresh version.
        await first.page.click('[data-testid=edit-conflict-reapply]');
        await first.page.waitForSelector('[data-testid=edit-conflict]', { state: 'detached' });
        await first.page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        const saved = await api.get<TaskDto>(`tasks/${edited.id}`);
        assert.equal(saved.title, '端到端：第一个标签页的标题');
        assert.equal(saved.safetyNotes, '先停电，再验电，挂接地线。');
        assert.equal(saved.version, version + 1);
        assert.equal(await first.page.inputValue('ws-task-panel input[name=title]'), '端到端：第一个标签页的标题');

        // The panel fits a phone's width.
        await first.page.setViewportSize({ width: 390, height: 800 });
        await first.page.waitForTimeout(300);
        const panel = await first.page.locator('ws-task-panel').evaluate((el) => ({
          scroll: el.scrollWidth,
          client: el.clientWidth,
          right: el.getBoundingClientRect().right,
        }));
        assert.ok(
          panel.scroll <= panel.client + 1,
          `the task panel does not scroll sideways (${JSON.stringify(panel)})`,
        );
        assert.ok(panel.right <= 391, 'the task panel ends inside the screen');
        await first.page.screenshot({ path: resolve(SCREENSHOTS, 'task-panel-390.png') });
        assert.deepEqual([...first.errors, ...second.errors], []);
      } finally {
        await first.context.close();
        await second.context.close();
      }
    },
  );

  it(
    'when the session ends under an open panel, a login dialog asks for the password and the save goes through after it',
    { timeout: 120_000 },
    async () => {
      await setUp();
      const date = addDays(localDateOf(Date.now(), project.timeZone), 11);
      const edited = await task('端到端：会话过期', date);
      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await openPanel(page, ctx.stack.url, project.id, edited.id);
        await page.fill('ws-task-panel input[name=title]', '端到端：过期后保存的标题');
        // The coordinator's sessions end on the server (as when they expire or are revoked).
        const db = new Client({ connectionString: ctx.stack.databaseUrl });
        await db.connect();
        try {
          await db.query(
            `UPDATE sessions SET revoked_at = now(), revoked_reason = 'logout'
              WHERE revoked_at IS NULL AND user_id = $1`,
            [api.user.id],
          );
        } finally {
          await db.end();
        }
        await page.click('[data-testid=task-save]');
        await page.waitForSelector('[data-testid=relogin-dialog]');
        assert.match(page.url(), /\/gantt/, 'the page stays where it was');
        await page.screenshot({ path: resolve(SCREENSHOTS, 'relogin-1280.png') });
        await page.fill('[data-testid=relogin-password]', DEMO.coordinator.password);
        await page.click('[data-testid=relogin-submit]');
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        assert.equal((await api.get<TaskDto>(`tasks/${edited.id}`)).title, '端到端：过期后保存的标题');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );

  it(
    'the crew view, the day plan and the agency page work at 390 px: nothing scrolls sideways',
    { timeout: 120_000 },
    async () => {
      await setUp();
      const tomorrow = addDays(localDateOf(Date.now(), project.timeZone), 1);
      const coordinator = await newPage(ctx.browser);
      const crew = await newPage(ctx.browser);
      const agency = await newPage(ctx.browser);
      try {
        await coordinator.page.setViewportSize({ width: 390, height: 844 });
        await logIn(coordinator.page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await coordinator.page.goto(`${ctx.stack.url}/projects/${project.id}/day-plan?date=${tomorrow}`);
        await coordinator.page.waitForSelector('[data-testid=day-plan-print]:not([disabled])');
        await coordinator.page.waitForTimeout(500);
        await coordinator.page.screenshot({ path: resolve(SCREENSHOTS, 'day-plan-390.png') });
        assert.equal(await overflowsX(coordinator.page), false, 'the day plan fits 390 px');
        // Every setup tab is on screen (they wrap; the last ones were off the edge of a scrolled strip).
        await coordinator.page.goto(`${ctx.stack.url}/setup`);
        const tabs = coordinator.page.locator('.ws-tabs a');
        await tabs.first().waitFor();
        const rights = await tabs.evaluateAll((links) => links.map((a) => a.getBoundingClientRect().right));
        assert.ok(rights.length >= 7, `the setup tabs are there (${rights.length})`);
        assert.ok(
          Math.max(...rights) <= 390,
          `every setup tab is on screen (rightmost ends at ${Math.max(...rights)} px)`,
        );

        await crew.page.setViewportSize({ width: 390, height: 844 });
        await logIn(crew.page, ctx.stack.url, DEMO.contractor.username, DEMO.contractor.password);
        await crew.page.goto(`${ctx.stack.url}/crew`);
        await crew.page.waitForLoadState('networkidle');
        await crew.page.waitForTimeout(500);
        await crew.page.screenshot({ path: resolve(SCREENSHOTS, 'crew-390.png') });
        assert.equal(await overflowsX(crew.page), false, 'the crew view fits 390 px');

        // The agency's tasks are cards on a phone, not a table of seven columns scrolled sideways,
        // and a task's chain opens across its card.
        await agency.page.setViewportSize({ width: 390, height: 844 });
        await logIn(agency.page, ctx.stack.url, DEMO.agency.username, DEMO.agency.password);
        const card = agency.page.locator('[data-testid=agency-task]').first();
        await card.locator('[data-testid=toggle-chain]').click();
        await agency.page.locator('ws-task-chain').first().waitFor();
        await card.scrollIntoViewIfNeeded();
        await agency.page.screenshot({ path: resolve(SCREENSHOTS, 'agency-chain-390.png') });
        assert.equal(await overflowsX(agency.page), false, 'the agency page fits 390 px');
        const table = await agency.page.locator('.table-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth]);
        assert.ok(table[0] <= table[1] + 1, `the task table does not scroll sideways (${table[0]} > ${table[1]} px)`);
        const [cardBox, chainBox] = [
          await card.boundingBox(),
          await agency.page.locator('ws-task-chain').first().boundingBox(),
        ];
        assert.ok(cardBox && cardBox.x >= 0 && cardBox.x + cardBox.width <= 391, 'the task card is on screen');
        assert.ok(chainBox && chainBox.width >= 300, `the chain spans the card (${chainBox?.width} px)`);
        assert.deepEqual([...coordinator.errors, ...crew.errors, ...agency.errors], []);
      } finally {
        await coordinator.context.close();
        await crew.context.close();
        await agency.context.close();
      }
    },
  );
}
