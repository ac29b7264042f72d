import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import type { DependencyDto, ProjectDto, ProjectScheduleDto, TaskDto } from '@worksite/shared-domain';
import { addDays, dayRange, instantOf, localDateOf, weekdayOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO } from '../support/api';
import { logIn, newPage } from '../support/browser';
import type { E2eContext } from '../main.e2e';
import { centre } from './coordinator-gantt';

/** Day zoom draws 96 px per day. */
const DAY_ZOOM_PX_PER_DAY = 96;

/**
 * The first Tuesday at least three weeks ahead with Tuesday to Friday plain working days (no
 * holiday, 调休 or blackout), on whatever day the test runs.
 */
function plainTuesday(schedule: ProjectScheduleDto, today: string): string {
  const { holidays, makeUpWorkdays, blackouts, timeZone, weekly } = schedule.calendar;
  const plain = (date: string) => {
    const { start, end } = dayRange(date, timeZone);
    return (
      !holidays.includes(date) &&
      !makeUpWorkdays.includes(date) &&
      (weekly[weekdayOf(date)] ?? []).length > 0 &&
      !blackouts.some((b) => b.start < end.getTime() && b.end > start.getTime())
    );
  };
  for (let date = addDays(today, 21); date < addDays(today, 400); date = addDays(date, 1)) {
    if (weekdayOf(date) === 2 && [0, 1, 2, 3].every((n) => plain(addDays(date, n)))) return date;
  }
  throw new Error('no plain week in the next 400 days of the demo calendar');
}

/** Presses at the middle of `from`, moves in small steps to `to` and lets go. */
async function dragBetween(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  }
  await page.mouse.up();
}

const middle = (box: { x: number; y: number; width: number; height: number }) => ({
  x: box.x + box.width / 2,
  y: box.y + box.height / 2,
});

/** The saved notice whose text contains `text` (each edit and undo replaces the one before). */
const noticeSaying = (page: Page, text: string) =>
  page.waitForSelector(`[data-testid=gantt-notice][data-kind=saved]:has-text("${text}")`);

export function coordinatorUndo(ctx: E2eContext): void {
  it(
    'a coordinator drags a bar that pushes its successor, draws a link, then undoes both (button, Ctrl+Z): the database is as it was',
    { timeout: 150_000 },
    async () => {
      const api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
      const project = (await api.get<{ items: ProjectDto[] }>('projects')).items.find((p) => p.code === 'HPXC-FXRD');
      assert.ok(project, 'the demo project exists');
      const zone = project.timeZone;
      const schedule = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
      const tuesday = plainTuesday(schedule, localDateOf(Date.now(), zone));
      const wednesday = addDays(tuesday, 1);

      // P → Q finish-to-start on Tuesday, R on Wednesday morning, unlinked; a compound of their own.
      const compound = await api.post<{ id: string }>('locations', { kind: 'compound', name: '撤销测试小区' });
      const crews = (await api.get<{ items: { id: string }[] }>('crews?pageSize=2')).items;
      const at = (date: string, time: string) => instantOf(date, time, zone).toISOString();
      const task = (title: string, crewId: string, start: string) =>
        api.post<TaskDto>('tasks', {
          projectId: project.id,
          title,
          crewId,
          locationId: compound.id,
          plannedStart: start,
          durationMinutes: 240,
        });
      const p = await task('撤销：电缆沟开挖', crews[0].id, at(tuesday, '08:00'));
      const q = await task('撤销：电缆敷设', crews[1].id, at(tuesday, '08:00'));
      const r = await task('撤销：表箱改接', crews[0].id, at(wednesday, '08:00'));
      await api.post<DependencyDto>('dependencies', { predecessorId: p.id, successorId: q.id, type: 'FS' });

      const ids = [p.id, q.id, r.id];
      const datesOf = async () =>
        Promise.all(
          ids.map(async (id) => {
            const { plannedStart, plannedFinish } = await api.get<TaskDto>(`tasks/${id}`);
            return { id, plannedStart, plannedFinish };
          }),
        );
      const linksOf = async () =>
        (await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`)).dependencies
          .filter((d) => ids.includes(d.predecessorId) || ids.includes(d.successorId))
          .map((d) => `${d.predecessorId}>${d.successorId}:${d.type}:${d.lagMinutes}`)
          .sort();
      const before = { dates: await datesOf(), links: await linksOf() };
      assert.equal(before.links.length, 1);

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt?task=${p.id}&zoom=day&group=location`);
        await page.locator(`[data-task-id="${p.id}"]`).waitFor({ state: 'visible' });
        await centre(page, p.id);
        assert.equal(await page.locator('[data-testid=undo]').isDisabled(), true, 'nothing to undo yet');

        // Drag P a day later: Q, which follows it, is pushed.
        const pBox = await page.locator(`[data-task-id="${p.id}"]`).boundingBox();
        assert.ok(pBox, 'P is on screen');
        await dragBetween(page, middle(pBox), { x: middle(pBox).x + DAY_ZOOM_PX_PER_DAY, y: middle(pBox).y });
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        const dragged = await datesOf();
        assert.ok(dragged[0].plannedStart > before.dates[0].plannedStart, 'P moved later');
        assert.ok(dragged[1].plannedStart > before.dates[1].plannedStart, 'Q was pushed');

        // Draw Q → R at hour zoom: R, which Q now overlaps, is pushed too.
        await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt?task=${q.id}&zoom=hour&group=location`);
        await page.locator(`[data-task-id="${q.id}"]`).waitFor({ state: 'visible' });
        // The whole width for the chart: R lies left of Q, where the task table would cover it.
        if ((await page.getAttribute('[data-testid=table-toggle]', 'aria-pressed')) === 'true') {
          await page.click('[data-testid=table-toggle]');
        }
        await centre(page, q.id);
        const qBar = page.locator(`[data-task-id="${q.id}"]`);
        await qBar.hover();
        const handle = await qBar.locator('[data-handle=link-end]').boundingBox();
        const target = await page.locator(`[data-task-id="${r.id}"]`).boundingBox();
        assert.ok(handle && target, 'the link handle of Q and the bar of R are on screen');
        await dragBetween(page, middle(handle), middle(target));
        await noticeSaying(page, '已添加依赖');
        assert.equal((await linksOf()).length, 2, 'the drawn link is stored');

        // Undo with the button: the link goes, R comes back (the history is kept for the tab, so
        // the page loaded anew for the hour zoom still holds both edits).
        const undo = page.locator('[data-testid=undo]');
        assert.match((await undo.getAttribute('title')) ?? '', /撤销：添加依赖/);
        await undo.click();
        await noticeSaying(page, '已撤销：添加依赖');
        assert.deepEqual(await linksOf(), before.links, 'the link is gone');
        assert.deepEqual((await datesOf())[2], before.dates[2], 'R is back where it was');

        // Undo the drag with Ctrl+Z (the chart has the focus, not a field): P and Q come back.
        await page.locator('ws-gantt-chart .viewport').focus();
        await page.keyboard.press('Control+z');
        await noticeSaying(page, '已撤销：移动');
        assert.deepEqual(await datesOf(), before.dates, 'every task is back at its dates');
        assert.deepEqual(await linksOf(), before.links, 'and the links are as they were');
        assert.equal(await page.locator('[data-testid=redo]').isDisabled(), false, 'the undone edits can be redone');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
}
