import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TaskDto } from '@worksite/shared-domain';
import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO, demoProject } from '../support/api';
import { logIn, newPage } from '../support/browser';
import { ROOT } from '../support/stack';
import type { E2eContext } from '../main.e2e';

const SCREENSHOTS = process.env['E2E_SCREENSHOTS'] ?? resolve(ROOT, 'dist/e2e-screenshots');

type Named = { id: string; name: string };

/** Opens the Gantt on a task and its side panel (double click on the bar). */
export async function openPanel(page: Page, baseUrl: string, projectId: string, taskId: string): Promise<void> {
  await page.goto(`${baseUrl}/projects/${projectId}/gantt?task=${taskId}&zoom=day`);
  await page.locator(`.chart [data-task-id="${taskId}"]`).waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  await page.dblclick(`.chart [data-task-id="${taskId}"]`);
  await page.waitForSelector('ws-task-panel [data-testid=make-ready] [data-testid=make-ready-state]');
}

/**
 * The same page at phone size (390×844), in Chinese, once `ready` shows: a screenshot of the
 * screen, and `fits` (the page, or one part of it) must not be wider than the phone.
 */
async function phoneShot(
  browser: Browser,
  baseUrl: string,
  user: { username: string; password: string },
  view: { path: string; ready: string; fits: string; name: string },
) {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, baseUrl, user.username, user.password);
    await page.goto(`${baseUrl}${view.path}`);
    await page.waitForSelector(view.ready);
    await page.screenshot({ path: resolve(SCREENSHOTS, `${view.name}-390.png`) });
    const width = await page
      .locator(view.fits)
      .first()
      .evaluate((node) => node.scrollWidth);
    assert.ok(width <= 390, `${view.fits} of ${view.path} fits 390 px (${width})`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

export function coordinatorMakeReady(ctx: E2eContext): void {
  it(
    'a coordinator adds a make-ready constraint in the task panel: the task shows not ready on the Gantt, the table, the day plan and the look-ahead, the agency sees what blocks its task, and clearing it makes the task ready',
    { timeout: 180_000 },
    async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
      const agency = await ApiUser.login(ctx.stack.url, DEMO.agency.username, DEMO.agency.password);
      const agencyDepartment = agency.user.departmentId;
      assert.ok(agencyDepartment, 'the demo agency user belongs to a department');
      const project = await demoProject(api);
      const zone = project.timeZone;
      const departments = (await api.get<{ items: Named[] }>('departments?pageSize=100')).items;
      const owner = departments.find((d) => d.id !== agencyDepartment);
      assert.ok(owner, 'another department owns the permit');

      // The owner department's task, and the agency's two tasks after it (FS): the permit upstream blocks all three.
      const today = localDateOf(Date.now(), zone);
      const taskOn = (title: string, departmentId: string, inDays: number) =>
        api.post<TaskDto>('tasks', {
          projectId: project.id,
          title,
          departmentId,
          plannedStart: instantOf(addDays(today, inDays), '08:00', zone).toISOString(),
          durationMinutes: 240,
        });
      const upstream = await taskOn('端到端开工条件：路面开挖', owner.id, 2);
      const mine = await taskOn('端到端开工条件：光缆入管', agencyDepartment, 3);
      // The agency's second task waits for its first: the same permit holds it back too (listed once).
      const next = await taskOn('端到端开工条件：光缆熔接', agencyDepartment, 4);
      await api.post('dependencies', { predecessorId: upstream.id, successorId: mine.id, type: 'FS' });
      await api.post('dependencies', { predecessorId: mine.id, successorId: next.id, type: 'FS' });
      // The coordinator had marked it ready (状态 已就绪) before anyone knew of the permit.
      const marked = await api.get<TaskDto>(`tasks/${upstream.id}`);
      await api.patch(`tasks/${upstream.id}`, { version: marked.version, status: 'ready' });
      const fresh = await api.get<TaskDto>(`tasks/${upstream.id}`);
      const upstreamDay = localDateOf(Date.parse(fresh.plannedStart), zone);

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await openPanel(page, ctx.stack.url, project.id, upstream.id);
        const section = page.locator('ws-task-panel [data-testid=make-ready]');
        assert.equal(await section.locator('[data-testid=make-ready-state]').getAttribute('data-ready'), 'true');

        // Add: a dig permit owned by the other department, due the day before the work.
        await section.locator('[data-testid=constraint-add]').click();
        await section.locator('[data-testid=constraint-kind]').selectOption('dig_permit');
        await section.locator('[data-testid=constraint-owner]').selectOption(`d:${owner.id}`);
        await section.locator('[data-testid=constraint-due-input]').fill(addDays(upstreamDay, -1));
        await section.locator('[data-testid=constraint-description]').fill('掘路许可证（和平区城建局）');
        await section.locator('[data-testid=constraint-save]').click();
        await section.locator('[data-testid=make-ready-state][data-ready=false]').waitFor();
        const line = section.locator('[data-testid=constraint]');
        assert.equal(await line.count(), 1);
        const lineText = (await line.textContent()) ?? '';
        assert.ok(lineText.includes('掘路许可'), 'the kind is shown in Chinese');
        assert.ok(lineText.includes(owner.name), 'the owner is named');

        // Not ready on the Gantt bar and in the table, once readiness is fetched again.
        await page.locator(`.chart [data-task-id="${upstream.id}"].is-not-ready`).waitFor();
        await page.locator(`[data-table-task="${upstream.id}"] [data-testid=not-ready-badge]`).waitFor();
        // The table's status column (turned on from the columns menu) does not say 已就绪 either.
        await page.click('[data-testid=column-menu]');
        await page.check('[data-testid=column-status]');
        await page.click('[data-testid=column-menu]');
        const statusCell = page.locator(`[data-table-task="${upstream.id}"] [data-column=status]`);
        assert.equal((await statusCell.textContent())?.trim(), '未就绪');
        // The panel's badge says so too, not 已就绪 (the status the coordinator had set).
        await page.locator('ws-task-panel .facts [data-testid=not-ready]').waitFor();
        assert.equal(await page.locator('ws-task-panel .facts [data-status=ready]').count(), 0);
        await page.screenshot({ path: resolve(SCREENSHOTS, 'make-ready-panel-zh.png') });
        // The side panel stacks its date-and-time fields: "12/09/2026, 08:00 AM" (en-US) fits whole.
        const startWidth = await page
          .locator('ws-task-panel input[name=plannedStart]')
          .evaluate((input) => input.getBoundingClientRect().width);
        assert.ok(startWidth >= 220, `the planned start field is ${startWidth} px wide`);
        await page.locator('[data-testid=panel-close], ws-task-panel button.close').first().click();
        await page.locator(`.chart [data-task-id="${upstream.id}"]`).scrollIntoViewIfNeeded();
        const box = await page.locator(`.chart [data-task-id="${upstream.id}"]`).boundingBox();
        assert.ok(box, 'the bar is on screen');
        await page.screenshot({
          path: resolve(SCREENSHOTS, 'make-ready-bar-zh.png'),
          clip: { x: Math.max(0, box.x - 200), y: Math.max(0, box.y - 60), width: 400, height: 140 },
        });

        // The day plan of that day lists the open constraints under the task; the coordinator
        // marks one cleared there (the manhole covers came), the permit still holds the task.
        const covers = await api.post<{ id: string }>(`tasks/${upstream.id}/constraints`, {
          kind: 'materials',
          description: '端到端：井盖到场',
        });
        await page.goto(`${ctx.stack.url}/projects/${project.id}/day-plan?date=${upstreamDay}`);
        const dayTask = page.locator('[data-testid=day-task]', { hasText: '端到端开工条件：路面开挖' });
        await dayTask.locator('[data-testid=not-ready]').waitFor();
        assert.ok(((await dayTask.textContent()) ?? '').includes('掘路许可证（和平区城建局）'));
        const coverLine = dayTask.locator('[data-testid=open-constraints] li', { hasText: '端到端：井盖到场' });
        await coverLine.locator('[data-testid=constraint-clear]').click();
        await coverLine.waitFor({ state: 'detached' });
        await dayTask.locator('[data-testid=not-ready]').waitFor();
        assert.equal(await dayTask.locator('[data-testid=open-constraints] li').count(), 1);
        const coversAfter = (
          await api.get<{ id: string; status: string; version: number }[]>(`tasks/${upstream.id}/constraints`)
        ).find((c) => c.id === covers.id);
        assert.equal(coversAfter?.status, 'cleared');
        // (Deleted again: the rest of the scenario reads the task's one constraint.)
        await api.delete(`constraints/${covers.id}?version=${coversAfter?.version}`);
        // Not ready, so not also "已就绪" beside it (its status stays ready).
        assert.equal(await dayTask.locator('ws-status-badge [data-status=ready]').count(), 0);
        assert.equal((await api.get<TaskDto>(`tasks/${upstream.id}`)).status, 'ready');
        // On a phone the badge stays one line (beside a long title it had stood a character a line).
        await page.setViewportSize({ width: 390, height: 844 });
        const badge = await dayTask.locator('[data-testid=not-ready]').boundingBox();
        assert.ok(badge && badge.height < 26 && badge.width > badge.height, `one line: ${JSON.stringify(badge)}`);
        await page.setViewportSize({ width: 1500, height: 900 });

        // The look-ahead: not ready, with the constraint and its owner.
        const escort = await api.post<{ id: string }>(`tasks/${next.id}/constraints`, {
          kind: 'escort',
          description: '端到端：派出所护送',
        });
        await page.goto(`${ctx.stack.url}/projects/${project.id}/look-ahead`);
        const row = page.locator(`[data-testid=look-ahead-task][data-task-id="${upstream.id}"]`);
        await row.waitFor();
        assert.equal(await row.getAttribute('data-ready'), 'false');
        assert.ok(((await row.textContent()) ?? '').includes(owner.name));
        // A make-ready meeting goes down the list: the coordinator marks the escort cleared there.
        const nextRow = page.locator(`[data-testid=look-ahead-task][data-task-id="${next.id}"]`);
        assert.equal(await nextRow.getAttribute('data-ready'), 'false');
        await nextRow.locator('[data-testid=constraint-clear]').click();
        await page.locator(`[data-testid=look-ahead-task][data-task-id="${next.id}"][data-ready=true]`).waitFor();
        const escortAfter = (await api.get<{ id: string; status: string }[]>(`tasks/${next.id}/constraints`)).find(
          (c) => c.id === escort.id,
        );
        assert.equal(escortAfter?.status, 'cleared');
        assert.equal(await page.locator('[data-testid=clear-error]').count(), 0);
        // Two weeks, the owner department only: the agency's own task drops out.
        await page.selectOption('[data-testid=look-ahead-weeks]', '2');
        await page.waitForFunction(() => document.querySelectorAll('[data-testid=look-ahead-week]').length === 2);
        await page.selectOption('[data-testid=look-ahead-department]', owner.id);
        await page.locator(`[data-testid=look-ahead-task][data-task-id="${mine.id}"]`).waitFor({ state: 'detached' });
        await page.locator(`[data-testid=look-ahead-task][data-task-id="${upstream.id}"]`).waitFor();
        await page.screenshot({ path: resolve(SCREENSHOTS, 'make-ready-look-ahead-zh.png'), fullPage: true });
        await phoneShot(ctx.browser, ctx.stack.url, DEMO.coordinator, {
          path: `/projects/${project.id}/look-ahead`,
          ready: `[data-testid=look-ahead-task][data-task-id="${upstream.id}"]`,
          fits: 'html',
          name: 'make-ready-look-ahead',
        });

        // The agency sees what blocks its task: the permit on the task upstream, with owner and due date.
        const agencyView = await newPage(ctx.browser);
        try {
          await logIn(agencyView.page, ctx.stack.url, DEMO.agency.username, DEMO.agency.password);
          await agencyView.page.waitForURL('**/agency');
          // The permit is listed once, with the agency's task it holds back.
          const blocked = agencyView.page.locator('[data-testid=agency-blocker]', {
            has: agencyView.page.locator(`[data-testid=agency-blocked-task][data-task-id="${mine.id}"]`),
          });
          await blocked.waitFor();
          const blockedText = (await blocked.textContent()) ?? '';
          assert.ok(blockedText.includes('掘路许可'), 'the blocker is named');
          assert.ok(blockedText.includes(`#${upstream.code}`), 'the task it sits on is named');
          assert.ok(blockedText.includes(owner.name), 'its owner is named');
          assert.ok(blockedText.includes(addDays(upstreamDay, -1)), 'its due date is shown');
          const held = await blocked
            .locator('[data-testid=agency-blocked-task]')
            .evaluateAll((items) => items.map((item) => item.getAttribute('data-task-id')));
          assert.deepEqual(held, [mine.id, next.id], 'both tasks it holds back, under the one constraint');
          assert.match(blockedText, /阻碍你单位 2 个任务/);
          // Another department owns the permit: nothing for the agency to mark cleared there.
          assert.equal(await blocked.locator('[data-testid=constraint-clear]').count(), 0);
          await agencyView.page.screenshot({ path: resolve(SCREENSHOTS, 'make-ready-agency-zh.png') });
          // Its own department's: the agency marks the cable's arrival cleared where it reads it.
          const cable = await api.post<{ id: string }>(`tasks/${mine.id}/constraints`, {
            kind: 'materials',
            description: '端到端：光缆 2 盘到场',
            ownerDepartmentId: agencyDepartment,
          });
          await agencyView.page.reload();
          const own = agencyView.page.locator(`[data-testid=agency-blocker][data-constraint-id="${cable.id}"]`);
          await own.locator('[data-testid=constraint-clear]').click();
          await own.waitFor({ state: 'detached' });
          assert.equal(await agencyView.page.locator('[data-testid=clear-error]').count(), 0);
          const cleared = (await api.get<{ id: string; status: string }[]>(`tasks/${mine.id}/constraints`)).find(
            (c) => c.id === cable.id,
          );
          assert.equal(cleared?.status, 'cleared');
          assert.deepEqual(agencyView.errors, []);
        } finally {
          await agencyView.context.close();
        }
        // (The agency's task table below is wider than a phone; the blocks above it are not.)
        await phoneShot(ctx.browser, ctx.stack.url, DEMO.agency, {
          path: '/agency',
          ready: '[data-testid=agency-blocked-task]',
          fits: '[data-testid=agency-blocks]',
          name: 'make-ready-agency',
        });

        // Clear it: ready again on the panel, the bar, the table and the look-ahead.
        await openPanel(page, ctx.stack.url, project.id, upstream.id);
        await page.click('ws-task-panel [data-testid=constraint-move]');
        await page.locator('ws-task-panel [data-testid=make-ready-state][data-ready=true]').waitFor();
        assert.ok(
          ((await page.locator('ws-task-panel [data-testid=constraint]').textContent()) ?? '').includes('已解决'),
        );
        await page.locator(`.chart [data-task-id="${upstream.id}"]:not(.is-not-ready)`).waitFor();
        assert.equal(await page.locator(`[data-table-task="${upstream.id}"] [data-testid=not-ready-badge]`).count(), 0);
        assert.equal((await statusCell.textContent())?.trim(), '已就绪');
        await page.locator('ws-task-panel .facts [data-status=ready]').waitFor();
        assert.equal(await page.locator('ws-task-panel .facts [data-testid=not-ready]').count(), 0);
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(300);
        await page.screenshot({ path: resolve(SCREENSHOTS, 'make-ready-panel-390.png') });
        await page.setViewportSize({ width: 1500, height: 900 });
        await page.goto(`${ctx.stack.url}/projects/${project.id}/look-ahead`);
        await page.locator(`[data-testid=look-ahead-task][data-task-id="${upstream.id}"][data-ready=true]`).waitFor();
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
}
