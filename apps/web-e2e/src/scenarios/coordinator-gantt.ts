import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import type {
  DependencyDto,
  ProjectDto,
  ProjectScheduleDto,
  ScheduledTaskDto,
  TaskChainDto,
  TaskDto,
} from '@worksite/shared-domain';
import { ApiUser, DEMO } from '../support/api';
import { logIn, newPage } from '../support/browser';
import type { E2eContext } from '../main.e2e';

const HOUR = 3_600_000;

/**
 * A task in the future whose successor is driven by it (finish-to-start, no slack), both
 * automatic and not started: moving the task later must move the successor.
 */
async function pickPair(api: ApiUser, schedule: ProjectScheduleDto, now: number) {
  const byId = new Map(schedule.tasks.map((t) => [t.id, t]));
  const movable = (t: ScheduledTaskDto | undefined): t is ScheduledTaskDto =>
    !!t && t.scheduledAs === 'automatic' && (t.status === 'planned' || t.status === 'ready');
  const predecessors = schedule.dependencies
    .filter((d: DependencyDto) => d.type === 'FS')
    .map((d) => byId.get(d.predecessorId))
    .filter((t): t is ScheduledTaskDto => movable(t) && Date.parse(t.plannedStart) > now + 24 * HOUR)
    .sort((a, b) => Date.parse(a.plannedStart) - Date.parse(b.plannedStart));
  for (const p of predecessors) {
    const chain = await api.get<TaskChainDto>(`tasks/${p.id}/chain?direction=down&maxDepth=1`);
    const driven = chain.downstream.find(
      (item) => item.link.type === 'FS' && item.link.slackMinutes === 0 && movable(byId.get(item.taskId)),
    );
    if (driven) return { p, s: byId.get(driven.taskId) as ScheduledTaskDto };
  }
  throw new Error('the demo plan has no driven finish-to-start pair in the future');
}

export function coordinatorGantt(ctx: E2eContext): void {
  it(
    'a coordinator drags a task, sees its successor move, saves, and the API has the new time',
    { timeout: 120_000 },
    async () => {
      const api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
      const projects = await api.get<{ items: ProjectDto[] }>('projects');
      const project = projects.items.find((p) => p.code === 'HPXC-FXRD');
      assert.ok(project, 'the demo project exists');
      const schedule = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
      const { p, s } = await pickPair(api, schedule, Date.now());

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        // The coordinator opens the project from the project list.
        await page.click(`tr:has-text("${project.code}") [data-testid=open-gantt]`);
        await page.waitForURL(`**/projects/${project.id}/gantt`);
        await page.waitForSelector('[data-task-id]');
        // Hour zoom, rows by compound (the successor works at the same compound, so its row is
        // near), scrolled to the task: a deep link the other views use too.
        await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt?task=${p.id}&zoom=hour&group=location`);
        const bar = page.locator(`[data-task-id="${p.id}"]`);
        await bar.waitFor({ state: 'visible' });
        // Away from the chart's edges, where a drag would start scrolling the chart.
        await bar.evaluate((el) => {
          const viewport = el.closest('.viewport') as HTMLElement;
          const middle = viewport.getBoundingClientRect().top + viewport.clientHeight / 2;
          viewport.scrollTop += el.getBoundingClientRect().top - middle;
        });
        await page.waitForTimeout(300);
        const successor = page.locator(`[data-task-id="${s.id}"]`);
        const leftOf = async (id: string) =>
          page.$eval(`[data-task-id="${id}"]`, (el) => parseFloat((el as HTMLElement).style.left));
        const successorLeftBefore = (await successor.count()) ? await leftOf(s.id) : null;

        const box = await bar.boundingBox();
        assert.ok(box, 'the predecessor bar is on screen');
        // Grab the bar's body (not its edge handles) and drag it 4 hours (240 px at hour zoom) later.
        const x = box.x + Math.min(box.width / 2, 60);
        const y = box.y + box.height / 2;
        await page.mouse.move(x, y);
        await page.mouse.down();
        for (let step = 1; step <= 12; step++) await page.mouse.move(x + step * 20, y);

        // Live preview: the successor's original place is ghosted and the status line counts it.
        await page.waitForSelector(`[data-ghost-id="${s.id}"]`, { state: 'attached' });
        assert.match((await page.textContent('.live')) ?? '', /\d/);
        const previewLeft = (await successor.count()) ? await leftOf(s.id) : null;
        if (successorLeftBefore !== null && previewLeft !== null) assert.ok(previewLeft > successorLeftBefore);

        await page.mouse.up();
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');

        const savedP = await api.get<TaskDto>(`tasks/${p.id}`);
        const savedS = await api.get<TaskDto>(`tasks/${s.id}`);
        assert.ok(Date.parse(savedP.plannedStart) > Date.parse(p.plannedStart), 'the dragged task moved later');
        assert.ok(Date.parse(savedS.plannedStart) > Date.parse(s.plannedStart), "the successor's new time is stored");
        assert.ok(Date.parse(savedS.plannedStart) >= Date.parse(savedP.plannedFinish), 'finish-to-start holds');
        assert.equal(savedS.version, s.version + 1);
        // What the preview showed is what was stored: the reloaded bar sits where the preview put it.
        if (previewLeft !== null) assert.ok(Math.abs((await leftOf(s.id)) - previewLeft) < 1);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
}
