import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'node:test';
import { weekStartOf } from '@worksite/shared-make-ready';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO, demoProject } from '../support/api';
import { logIn, newPage } from '../support/browser';
import { ROOT } from '../support/stack';
import type { E2eContext } from '../main.e2e';
import { PHONE } from './crew-phone-offline';

const SCREENSHOTS = resolve(ROOT, 'dist/e2e-screenshots');

export function coordinatorPpc(ctx: E2eContext): void {
  it('a coordinator reads the PPC charts on a phone and exports them to Excel', { timeout: 120_000 }, async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const coordinator = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
    const project = await demoProject(coordinator);
    const { context, page, errors } = await newPage(ctx.browser);
    try {
      await page.setViewportSize(PHONE);
      await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);

      // The projects: each a card across the phone, its name on a line or two (as a table's
      // narrow column it stood one character a line), the pages it opens as links below it.
      await page.goto(`${ctx.stack.url}/projects`);
      const row = page.locator('[data-testid=project-row]', { hasText: project.name });
      const name = await row.locator('td.name').boundingBox();
      assert.ok(name && name.width > PHONE.width * 0.75, `the name spans the card (${JSON.stringify(name)})`);
      assert.ok(name.height < 60, `the name takes a line or two (${name.height} px high)`);
      assert.equal(await row.locator('td.name').getAttribute('data-label'), '名称');
      const gantt = await row.locator('[data-testid=open-gantt]').boundingBox();
      assert.ok(gantt && gantt.y > name.y + name.height, 'the links come below the name');
      // The dates start right after their label: the space before them in the markup takes no room.
      const dates = row.locator('td[data-label]').nth(2);
      assert.equal(await dates.getAttribute('data-label'), '工期');
      const leadingSpace = await dates.evaluate((td) => {
        const text = Array.from(td.childNodes).find(
          (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
        );
        if (!text?.textContent?.startsWith(' ')) throw new Error(`no leading space to check in "${text?.textContent}"`);
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 1);
        return range.getBoundingClientRect().width;
      });
      assert.equal(leadingSpace, 0, 'no gap between the dates label and the dates');
      await page.screenshot({ path: resolve(SCREENSHOTS, 'projects-390.png'), fullPage: true });
      const projectsWide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(projectsWide <= PHONE.width, `the projects do not scroll sideways at 390 px (${projectsWide})`);
      // The same cards in English.
      await page.selectOption('.ws-language select', 'en');
      await row.locator('td.name[data-label=Name]').waitFor();
      assert.equal(await dates.getAttribute('data-label'), 'Dates');
      await page.screenshot({ path: resolve(SCREENSHOTS, 'projects-390-en.png'), fullPage: true });
      await page.selectOption('.ws-language select', 'zh-CN');
      await row.locator('td.name[data-label=名称]').waitFor();

      // The weekly plan of this week: frozen (it has begun), the demo's commitments listed.
      await page.goto(`${ctx.stack.url}/projects/${project.id}/weekly-plan`);
      await page.waitForSelector('[data-testid=plan-state][data-frozen=true]');
      assert.ok((await page.locator('[data-testid=commitment]').count()) > 0, 'the demo committed tasks this week');
      // This week is under way: its PPC is a figure so far, and says so.
      assert.match(
        (await page.textContent('[data-testid=plan-ppc][data-week=running]')) ?? '',
        /本周进行中 · 已完成 \d+\/\d+（PPC 暂为 [\d.]+%）/,
      );
      await page.screenshot({ path: resolve(SCREENSHOTS, 'weekly-plan-390.png'), fullPage: true });

      await page.click('[data-testid=view-ppc]');
      await page.waitForURL(`**/projects/${project.id}/ppc`);
      for (const chart of ['chart-trend', 'chart-pareto', 'chart-departments', 'chart-crews']) {
        await page.locator(`[data-testid=${chart}] canvas`).waitFor();
        const box = await page.locator(`[data-testid=${chart}] canvas`).boundingBox();
        assert.ok(box && box.width > 200 && box.height > 200, `${chart} is drawn (${JSON.stringify(box)})`);
      }
      // The headline: the latest finished week, then this week's figure so far, said to be one.
      assert.match(
        (await page.textContent('[data-testid=ppc-latest]')) ?? '',
        /^\s*最近结束的一周（\d{4}-\d\d-\d\d）：/,
      );
      assert.match(
        (await page.textContent('[data-testid=ppc-running]')) ?? '',
        /本周进行中（\d{4}-\d\d-\d\d）：已完成 \d+\/\d+，PPC 暂为 [\d.]+%/,
      );
      // Departments and crews count the weeks that are over: up to last Sunday, said in dates.
      const lastSunday = addDays(weekStartOf(localDateOf(Date.now(), project.timeZone)), -1);
      const groupWeeks = (await page.textContent('[data-testid=ppc-group-weeks]')) ?? '';
      const [, groupTo] =
        /按已结束的周统计：\d{4}-\d\d-\d\d 至 (\d{4}-\d\d-\d\d)（进行中的本周不计入）/.exec(groupWeeks) ?? [];
      assert.equal(groupTo, lastSunday, groupWeeks);
      await page.waitForTimeout(800); // the charts' entry animation
      await page.screenshot({ path: resolve(SCREENSHOTS, 'ppc-390.png'), fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.click('[data-testid=export-ppc]'),
      ]);
      assert.match(download.suggestedFilename(), /\.xlsx$/);
      const path = await download.path();
      assert.ok(path, 'the download was saved');
      assert.equal(readFileSync(path).subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx (zip) file');
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= PHONE.width, `the page does not scroll sideways at 390 px (${wide})`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
