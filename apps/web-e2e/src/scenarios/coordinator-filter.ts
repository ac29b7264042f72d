import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { CalendarSpec, WorkingCalendar, workingDayMinutes } from '@worksite/scheduling-engine';
import type { DependencyDto, ProjectScheduleDto, TaskDto } from '@worksite/shared-domain';
import { addDays, instantOf, localDateOf, weekdayOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO, demoProject } from '../support/api';
import { logIn, newPage } from '../support/browser';
import type { E2eContext } from '../main.e2e';

/** Ids of the bars drawn now (the render window), waiting until the chart has settled. */
async function drawnBars(page: Page): Promise<string[]> {
  await page.waitForTimeout(200);
  return page
    .locator('[data-task-id]')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset['taskId'] ?? ''));
}

/** Task rows beside the chart: the task table's, or the chart's own pane when the table is hidden. */
const ROWS = '[data-table-task], [data-row-id]';

function taskRows(page: Page): Promise<string[]> {
  return page
    .locator(ROWS)
    .evaluateAll((els) =>
      els.map((el) => (el as HTMLElement).dataset['tableTask'] ?? (el as HTMLElement).dataset['rowId'] ?? ''),
    );
}

const rowCount = (page: Page, n: number) =>
  page.waitForFunction(([selector, count]) => document.querySelectorAll(selector).length === count, [ROWS, n] as const);

/** A point in the middle of an arrow's path, in page pixels (where a click picks it). */
async function pointOnLink(page: Page, key: string): Promise<{ x: number; y: number }> {
  const path = page.locator(`[data-link="${key}"]`);
  await path.waitFor({ state: 'attached' });
  const point = () =>
    path.evaluate((el) => {
      const p = el as SVGPathElement;
      const at = p.getPointAtLength(p.getTotalLength() / 2);
      const m = p.getScreenCTM() as DOMMatrix;
      return { x: at.x * m.a + m.e, y: at.y * m.d + m.f };
    });
  // Scrolls the chart so that the point sits in the middle of the viewport first.
  const first = await point();
  await page.locator('ws-gantt-chart .viewport').evaluate((viewport, at) => {
    const frame = viewport.getBoundingClientRect();
    viewport.scrollTop += at.y - (frame.top + viewport.clientHeight / 2);
    viewport.scrollLeft += at.x - (frame.left + viewport.clientWidth / 2);
  }, first);
  await page.waitForTimeout(300);
  return point();
}

async function clickLink(page: Page, key: string): Promise<void> {
  const { x, y } = await pointOnLink(page, key);
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
  await page.locator('[data-testid=link-editor]').waitFor({ state: 'visible' });
}

export function coordinatorFilter(ctx: E2eContext): void {
  it(
    'a coordinator filters the Gantt by crew (kept in the URL, also after a reload), searches, and edits and deletes a dependency in its popover',
    { timeout: 150_000 },
    async () => {
      const api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
      const project = await demoProject(api);
      const zone = project.timeZone;
      const [crewA, crewB] = (await api.get<{ items: { id: string }[] }>('crews?pageSize=2')).items;
      assert.ok(crewA && crewB, 'the demo has two crews');

      // Three tasks of two crews three weeks ahead (the engine puts them in working time,
      // whatever today is), a word that only they have in their titles, P → Q finish-to-start.
      const word = `筛选${Math.random().toString(36).slice(2, 7)}`;
      const { calendar: spec } = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
      let day = addDays(localDateOf(Date.now(), zone), 21);
      // A Monday to Thursday that is no holiday: P and Q then fall on one day, near each other.
      while (weekdayOf(day) > 4 || spec.holidays.includes(day)) day = addDays(day, 1);
      const task = (title: string, crewId: string) =>
        api.post<TaskDto>('tasks', {
          projectId: project.id,
          title: `${word}：${title}`,
          crewId,
          plannedStart: instantOf(day, '08:00', zone).toISOString(),
          durationMinutes: 240,
        });
      const p = await task('电缆沟开挖', crewA.id);
      const q = await task('电缆敷设', crewB.id);
      const r = await task('表箱改接', crewA.id);
      const link = await api.post<DependencyDto>('dependencies', {
        predecessorId: p.id,
        successorId: q.id,
        type: 'FS',
      });
      const before = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
      const crewOf = new Map(before.tasks.map((t) => [t.id, t.crewId]));
      const gantt = `${ctx.stack.url}/projects/${project.id}/gantt`;

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await page.click(`tr:has-text("${project.code}") [data-testid=open-gantt]`);
        await page.waitForURL(`**/projects/${project.id}/gantt`);
        await page.waitForSelector('[data-task-id]');

        // Filter by the first crew: the URL holds it, and only that crew's bars are drawn.
        await page.click('[data-testid=filter-crew] summary');
        await page.check(`[data-testid=filter-crew] input[value="${crewA.id}"]`);
        await page.keyboard.press('Escape');
        await page.waitForURL((url) => url.searchParams.get('crew') === crewA.id);
        const crewBars = await drawnBars(page);
        assert.ok(crewBars.length > 0, 'the crew has bars on screen');
        assert.deepEqual(
          crewBars.filter((id) => crewOf.get(id) !== crewA.id),
          [],
          'no bar of another crew is drawn',
        );
        await page.waitForSelector('[data-testid=filter-shown]');

        // The same link after a reload shows the same filter.
        await page.reload();
        await page.waitForSelector('[data-task-id]');
        assert.equal(new URL(page.url()).searchParams.get('crew'), crewA.id);
        assert.ok(
          await page.isChecked(`[data-testid=filter-crew] input[value="${crewA.id}"]`),
          'the crew is still chosen',
        );
        const reloaded = await drawnBars(page);
        assert.ok(reloaded.length > 0);
        assert.deepEqual(
          reloaded.filter((id) => crewOf.get(id) !== crewA.id),
          [],
          'after the reload, still only that crew',
        );

        // Clear, then search: the rows narrow to the three tasks with the word, the URL holds it.
        await page.click('[data-testid=filter-clear]');
        await page.waitForURL((url) => !url.searchParams.has('crew'));
        await page.fill('[data-testid=filter-text]', word);
        await page.waitForURL((url) => url.searchParams.get('q') === word);
        await rowCount(page, 3);
        assert.deepEqual((await taskRows(page)).sort(), [p.id, q.id, r.id].sort());
        // Only the groups (departments) of those tasks remain: no empty group is shown.
        const departments = new Set(before.tasks.filter((t) => t.title.startsWith(word)).map((t) => t.departmentId));
        assert.equal(await page.locator('.pane [data-group-id]').count(), departments.size);

        // Back leaves the Gantt (filter changes replace the history entry, they do not pile up).
        await page.goBack();
        await page.waitForURL((url) => url.pathname === '/projects');
        await page.goForward();
        await page.waitForURL((url) => url.searchParams.get('q') === word);
        await rowCount(page, 3);

        // Open the link P → Q by clicking its arrow and give it a lag of one working day.
        await page.goto(`${gantt}?q=${encodeURIComponent(word)}&task=${p.id}&zoom=hour&group=crew`);
        await page.locator(`[data-task-id="${p.id}"]`).waitFor({ state: 'visible' });
        await page.waitForTimeout(300);
        const key = `${p.id}>${q.id}:FS`;
        await clickLink(page, key);
        assert.equal(await page.inputValue('[data-testid=link-lag]'), '0天');
        await page.fill('[data-testid=link-lag]', '1 d x');
        await page.click('[data-testid=link-save]');
        await page.waitForSelector('[data-testid=link-error]');
        await page.fill('[data-testid=link-lag]', '1d');
        await page.click('[data-testid=link-save]');
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        await page.locator('[data-testid=link-editor]').waitFor({ state: 'detached' });

        // The API stored the lag and moved Q one working day after P's finish.
        const after = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
        const stored = after.dependencies.find((d) => d.id === link.id);
        const calendar = WorkingCalendar.compile(after.calendar as unknown as CalendarSpec);
        const dayMinutes = workingDayMinutes(calendar);
        assert.equal(stored?.lagMinutes, dayMinutes, 'the lag is one working day in minutes');
        assert.equal(stored?.version, link.version + 1);
        const savedP = await api.get<TaskDto>(`tasks/${p.id}`);
        const savedQ = await api.get<TaskDto>(`tasks/${q.id}`);
        const qBefore = before.tasks.find((t) => t.id === q.id);
        assert.ok(qBefore && savedQ.plannedStart > qBefore.plannedStart, 'Q moved later');
        assert.equal(
          calendar.workingMinutesBetween(Date.parse(savedP.plannedFinish), Date.parse(savedQ.plannedStart)),
          dayMinutes,
          'Q starts one working day after P finishes',
        );

        // Open it again from the keyboard (L on the selected P) and delete it.
        await page.locator(`[data-task-id="${p.id}"]`).click();
        await page.keyboard.press('l');
        await page.locator('[data-testid=link-editor]').waitFor({ state: 'visible' });
        assert.equal(await page.inputValue('[data-testid=link-lag]'), '1天');
        await page.click('[data-testid=link-delete]');
        await page.locator('[data-testid=link-editor]').waitFor({ state: 'detached' });
        await page.waitForSelector(`[data-link="${key}"]`, { state: 'detached' });
        const gone = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
        assert.equal(
          gone.dependencies.some((d) => d.id === link.id),
          false,
          'the dependency is deleted',
        );
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
}
