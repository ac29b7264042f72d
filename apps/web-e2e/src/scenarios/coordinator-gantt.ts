import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import type { DependencyDto, ProjectDto, ProjectScheduleDto, TaskDto } from '@worksite/shared-domain';
import { addDays, dayRange, instantOf, localDateOf, weekdayOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO } from '../support/api';
import { logIn, newPage } from '../support/browser';
import type { E2eContext } from '../main.e2e';

/** Day zoom draws 96 px per day: 4 px per hour. */
const DAY_ZOOM_PX_PER_HOUR = 4;

/**
 * The first Saturday at least two weeks ahead whose surroundings are plain: Saturday, Tuesday
 * and Wednesday ordinary working days, no blackout from Saturday to Wednesday, no 调休. The
 * test makes the Monday a holiday itself, so a drop on Saturday afternoon must cross the
 * weekend AND a holiday — on whatever day the test runs.
 */
function plainSaturday(schedule: ProjectScheduleDto, today: string): string {
  const { holidays, makeUpWorkdays, blackouts, timeZone } = schedule.calendar;
  const blackedOut = (date: string) => {
    const { start, end } = dayRange(date, timeZone);
    return blackouts.some((b) => b.start < end.getTime() && b.end > start.getTime());
  };
  for (let date = addDays(today, 14); date < addDays(today, 400); date = addDays(date, 1)) {
    if (weekdayOf(date) !== 6) continue;
    const week = [0, 1, 2, 3, 4].map((n) => addDays(date, n));
    if (week.some((day) => makeUpWorkdays.includes(day) || blackedOut(day))) continue;
    if ([week[0], week[3], week[4]].some((day) => holidays.includes(day))) continue;
    return date;
  }
  throw new Error('no plain Saturday in the next 400 days of the demo calendar');
}

/** A bar's left edge in the chart's own pixels (its style), undefined when it is not rendered. */
async function leftOf(page: Page, id: string, attribute = 'data-task-id'): Promise<number | undefined> {
  const el = page.locator(`[${attribute}="${id}"]`);
  if ((await el.count()) === 0) return undefined;
  return el.evaluate((node) => parseFloat((node as HTMLElement).style.left));
}

async function mustLeftOf(page: Page, id: string, what: string): Promise<number> {
  const left = await leftOf(page, id);
  assert.ok(left !== undefined, `${what} is drawn`);
  return left;
}

/** Ids of the bars drawn inside the chart's visible part (right of the left pane, below the header). */
function barsInView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.viewport') as HTMLElement;
    const frame = viewport.getBoundingClientRect();
    const left = frame.left + (viewport.querySelector('.pane')?.getBoundingClientRect().width ?? 0);
    const top = frame.top + (viewport.querySelector('.head')?.getBoundingClientRect().height ?? 0);
    return [...viewport.querySelectorAll<HTMLElement>('.chart [data-task-id]')]
      .filter((bar) => {
        const box = bar.getBoundingClientRect();
        return box.right > left && box.left < frame.right && box.bottom > top && box.top < frame.bottom;
      })
      .map((bar) => bar.dataset['taskId'] as string);
  });
}

/**
 * Scrolls the chart so that the bar sits in the middle of the chart's visible part (right of the
 * left pane or task table), away from the auto-scrolling edges.
 */
export async function centre(page: Page, id: string): Promise<void> {
  await page.locator(`.chart [data-task-id="${id}"]`).evaluate((el) => {
    const viewport = el.closest('.viewport') as HTMLElement;
    const pane = viewport.querySelector('.pane')?.getBoundingClientRect().width ?? 0;
    const box = el.getBoundingClientRect();
    const frame = viewport.getBoundingClientRect();
    viewport.scrollTop += box.top - (frame.top + viewport.clientHeight / 2);
    viewport.scrollLeft += box.left - (frame.left + pane + (viewport.clientWidth - pane) / 2);
  });
  await page.waitForTimeout(300);
}

export function coordinatorGantt(ctx: E2eContext): void {
  it(
    'a coordinator drags a task into a weekend before a holiday, sees it land on the next working day with its successor, saves, and draws a dependency',
    { timeout: 150_000 },
    async () => {
      const api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
      const projects = await api.get<{ items: ProjectDto[] }>('projects');
      const project = projects.items.find((p) => p.code === 'HPXC-FXRD');
      assert.ok(project, 'the demo project exists');
      const zone = project.timeZone;
      const schedule = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
      assert.deepEqual(
        schedule.calendar.weekly[6],
        [{ start: '08:00', end: '12:00' }],
        'Saturdays are worked mornings',
      );

      // The scene, set up through the API as a coordinator would: a holiday on Monday, a compound
      // of its own (so the rows sit together when grouped by compound), P → Q finish-to-start and
      // R unlinked.
      const saturday = plainSaturday(schedule, localDateOf(Date.now(), zone));
      const [monday, tuesday, wednesday] = [2, 3, 4].map((n) => addDays(saturday, n));
      if (!schedule.calendar.holidays.includes(monday)) {
        await api.post('calendar-exceptions', {
          calendarId: project.calendarId,
          date: monday,
          kind: 'holiday',
          name: '端到端测试停工日',
        });
      }
      const compound = await api.post<{ id: string }>('locations', { kind: 'compound', name: '端到端测试小区' });
      const crews = (await api.get<{ items: { id: string }[] }>('crews?pageSize=2')).items;
      assert.equal(crews.length, 2, 'the demo has crews');
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
      const p = await task('端到端：电缆沟开挖', crews[0].id, at(saturday, '08:00'));
      const q0 = await task('端到端：电缆敷设', crews[1].id, at(saturday, '08:00'));
      const r = await task('端到端：表箱改接', crews[0].id, at(tuesday, '08:00'));
      await api.post<DependencyDto>('dependencies', { predecessorId: p.id, successorId: q0.id, type: 'FS' });
      // Saturday afternoon and Sunday are off and Monday is the holiday: Q waits until Tuesday.
      const q = await api.get<TaskDto>(`tasks/${q0.id}`);
      assert.equal(q.plannedStart, at(tuesday, '08:00'), 'the link put Q on Tuesday morning');

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        // The coordinator opens the project from the project list, then the task by a deep link.
        await page.click(`tr:has-text("${project.code}") [data-testid=open-gantt]`);
        await page.waitForURL(`**/projects/${project.id}/gantt`);
        await page.waitForSelector('[data-task-id]');
        // It opens on the work still to do: bars not over yet are in view, not last month's rows.
        await page.waitForTimeout(300);
        const finishes = new Map(schedule.tasks.map((t) => [t.id, Date.parse(t.plannedFinish)]));
        const inView = await barsInView(page);
        const notOver = inView.filter((id) => (finishes.get(id) ?? 0) > Date.now());
        assert.ok(notOver.length >= 3, `bars of work not over are in view on opening (${inView.length} bars in view)`);
        // 全部收起 folds every department to its header; 全部展开 opens them again at the work not over.
        const departments = new Set(schedule.tasks.map((t) => t.departmentId)).size;
        await page.click('[data-action="fold-all"]');
        await page.waitForFunction(() => !document.querySelector('.pane [data-row-id]'));
        assert.equal(await page.locator('.pane [data-group-id][aria-expanded="false"]').count(), departments);
        assert.equal((await page.textContent('[data-action="fold-all"]'))?.trim(), '全部展开');
        await page.click('[data-action="fold-all"]');
        await page.waitForSelector('.pane [data-row-id]');
        await page.waitForTimeout(300);
        assert.ok((await barsInView(page)).some((id) => (finishes.get(id) ?? 0) > Date.now()), 'work not over in view again');
        await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt?task=${p.id}&zoom=day&group=location`);
        await page.locator(`[data-task-id="${p.id}"]`).waitFor({ state: 'visible' });
        await centre(page, p.id);
        const pLeft = await mustLeftOf(page, p.id, 'P');
        const qLeft = await mustLeftOf(page, q.id, 'Q');
        assert.equal(qLeft - pLeft, 72 * DAY_ZOOM_PX_PER_HOUR, 'Q starts 72 hours after P');

        // Drag P four hours later: into Saturday afternoon, which is not worked.
        const box = await page.locator(`[data-task-id="${p.id}"]`).boundingBox();
        assert.ok(box, 'P is on screen');
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        await page.mouse.move(x, y);
        await page.mouse.down();
        for (let step = 1; step <= 8; step++) await page.mouse.move(x + step * 2, y);

        // The preview lands P on Tuesday 08:00 (where Q was) and pushes Q to Tuesday 14:00.
        await page.waitForSelector(`[data-ghost-id="${q.id}"]`, { state: 'attached' });
        assert.match((await page.textContent('.live')) ?? '', /\d/);
        const previewP = await mustLeftOf(page, p.id, 'P in the preview');
        const previewQ = await mustLeftOf(page, q.id, 'Q in the preview');
        assert.equal(previewP, qLeft, 'the preview puts P on Tuesday 08:00, not on Saturday afternoon');
        assert.equal(previewQ, qLeft + 6 * DAY_ZOOM_PX_PER_HOUR, 'the preview pushes Q to Tuesday 14:00');
        // …and says so, since P may now be out of sight: "落在 12月8日周二 08:00–12:00".
        const landing = (await page.textContent('[data-testid=landing]')) ?? '';
        assert.ok(landing.includes(`${Number(tuesday.slice(8))}日`) && landing.includes('08:00–12:00'), landing);

        await page.mouse.up();
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        const savedP = await api.get<TaskDto>(`tasks/${p.id}`);
        const savedQ = await api.get<TaskDto>(`tasks/${q.id}`);
        assert.deepEqual(
          [savedP.plannedStart, savedP.plannedFinish, savedQ.plannedStart, savedQ.plannedFinish],
          [at(tuesday, '08:00'), at(tuesday, '12:00'), at(tuesday, '14:00'), at(tuesday, '18:00')],
          'the API stored what the preview showed',
        );
        assert.equal(savedQ.version, q.version + 1);
        // The reloaded bars sit where the preview put them.
        assert.equal(await mustLeftOf(page, p.id, 'P after the save'), previewP);
        assert.equal(await mustLeftOf(page, q.id, 'Q after the save'), previewQ);

        // Draw a dependency from the end of Q to R (Tuesday morning), at hour zoom.
        await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt?task=${q.id}&zoom=hour&group=location`);
        await page.locator(`[data-task-id="${q.id}"]`).waitFor({ state: 'visible' });
        await centre(page, q.id);
        const qBar = page.locator(`[data-task-id="${q.id}"]`);
        await qBar.hover();
        const handle = await qBar.locator('[data-handle=link-end]').boundingBox();
        const target = await page.locator(`[data-task-id="${r.id}"]`).boundingBox();
        assert.ok(handle && target, 'the link handle of Q and the bar of R are on screen');
        await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
        await page.mouse.down();
        const tx = target.x + target.width / 2;
        const ty = target.y + target.height / 2;
        for (let step = 1; step <= 10; step++) {
          const f = step / 10;
          await page.mouse.move(handle.x + (tx - handle.x) * f, handle.y + (ty - handle.y) * f);
        }
        await page.mouse.up();
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        // The notice names the type as the link editor does, not by its code alone.
        assert.match(await page.locator('[data-testid=gantt-notice]').innerText(), /已添加依赖.*：完成-开始 \(FS\)。/);
        const after = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
        const link = after.dependencies.find((d) => d.predecessorId === q.id && d.successorId === r.id);
        assert.ok(link, 'the drawn dependency is stored');
        assert.equal(link.type, 'FS');
        const savedR = await api.get<TaskDto>(`tasks/${r.id}`);
        assert.equal(savedR.plannedStart, at(wednesday, '08:00'), 'R now waits for Q: Wednesday morning');
        await page.waitForSelector(`[data-link="${q.id}>${r.id}:FS"]`, { state: 'attached' });
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
}
