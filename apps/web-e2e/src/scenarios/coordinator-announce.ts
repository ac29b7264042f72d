import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'node:test';
import type { ProjectDto, TaskDto } from '@worksite/shared-domain';
import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO, demoProject } from '../support/api';
import { logIn, newPage } from '../support/browser';
import { ROOT } from '../support/stack';
import type { E2eContext } from '../main.e2e';

const SCREENSHOTS = resolve(ROOT, 'dist/e2e-screenshots');

/**
 * A coordinator opens the project's resident announcements from the Gantt, finds the draft of
 * a power cut planned ten days ahead, approves it, posts it and sees it posted (checked through
 * the api too); the page fits a 390 px phone.
 */
export function coordinatorAnnounce(ctx: E2eContext): void {
  it('a coordinator approves and posts the residents’ announcement of a power cut', { timeout: 180_000 }, async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
    const project: ProjectDto = await demoProject(api);
    const [unit] = (await api.get<{ items: { id: string }[] }>('locations?kind=unit&pageSize=1')).items;
    const date = addDays(localDateOf(Date.now(), project.timeZone), 10);
    const title = '端到端：表箱改接停电';
    const task = await api.post<TaskDto>('tasks', {
      projectId: project.id,
      title,
      departmentId: (await api.get<{ items: { id: string }[] }>('departments?kind=power&pageSize=1')).items[0].id,
      locationId: unit.id,
      schedulingMode: 'manual',
      plannedStart: instantOf(date, '08:00', project.timeZone).toISOString(),
      plannedFinish: instantOf(date, '12:00', project.timeZone).toISOString(),
      interruptionKind: 'power',
      interruptionStartsAt: instantOf(date, '08:30', project.timeZone).toISOString(),
      interruptionEndsAt: instantOf(date, '11:30', project.timeZone).toISOString(),
      interruptionLocationIds: [unit.id],
    });

    const { context, page, errors } = await newPage(ctx.browser);
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
      await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt`);
      await page.click('[data-testid=view-announcements]');
      await page.waitForURL(/\/announcements$/);
      const card = page.locator('[data-testid=announcement]', { hasText: title });
      await card.waitFor({ state: 'visible', timeout: 60_000 });
      assert.equal(await card.getAttribute('data-state'), 'draft');
      assert.match((await card.locator('[data-testid=announcement-text]').inputValue()) ?? '', /停电通知/);
      assert.equal(await card.locator('[data-testid=post]').count(), 0, 'a draft cannot be posted');

      await card.locator('[data-testid=approve]').click();
      await page.waitForSelector(`[data-testid=announcement][data-state=approved]:has-text("${title}")`);
      await card.locator('[data-testid=post]').click();
      await page.waitForSelector(`[data-testid=announcement][data-state=posted]:has-text("${title}")`);
      assert.match((await card.locator('[data-testid=announcement-state]').textContent()) ?? '', /已发布/);
      assert.match((await card.locator('[data-testid=announcement-timing]').textContent()) ?? '', /按时告知/);

      const stored = (
        await api.get<{ items: { taskId: string; state: string; posts: unknown[] }[] }>(
          `projects/${project.id}/announcements`,
        )
      ).items.find((a) => a.taskId === task.id);
      assert.equal(stored?.state, 'posted');
      assert.equal(stored?.posts.length, 1);

      await page.setViewportSize({ width: 390, height: 844 });
      await card.scrollIntoViewIfNeeded();
      const overflows = await page.evaluate(
        () => (document.scrollingElement as Element).scrollWidth > document.documentElement.clientWidth + 1,
      );
      assert.equal(overflows, false, 'the announcements page fits 390 px');
      await page.screenshot({ path: resolve(SCREENSHOTS, 'announcements-390.png') });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
