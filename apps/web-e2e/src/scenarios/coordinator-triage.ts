import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import type {
  BaselineComparisonDto,
  ConflictDecisionDto,
  ConflictDto,
  ProjectDto,
  ProjectScheduleDto,
  TaskDto,
} from '@worksite/shared-domain';
import { addDays, dayRange, instantOf, localDateOf, weekdayOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO } from '../support/api';
import { logIn, newPage } from '../support/browser';
import type { E2eContext } from '../main.e2e';

/** Day zoom draws 96 px per day. */
const DAY_PX = 96;

/**
 * A Tuesday three weeks or more ahead whose Tuesday and Wednesday are plain working days (no
 * holiday, 调休 or blackout), so a task moved from one to the other slips one working day.
 */
function plainTuesday(schedule: ProjectScheduleDto, today: string): string {
  const { holidays, makeUpWorkdays, blackouts, timeZone } = schedule.calendar;
  const plain = (date: string) => {
    const { start, end } = dayRange(date, timeZone);
    return (
      !holidays.includes(date) &&
      !makeUpWorkdays.includes(date) &&
      !blackouts.some((b) => b.start < end.getTime() && b.end > start.getTime())
    );
  };
  for (let date = addDays(today, 21); date < addDays(today, 60); date = addDays(date, 1)) {
    if (weekdayOf(date) === 2 && plain(date) && plain(addDays(date, 1))) return date;
  }
  throw new Error('no plain Tuesday in the weeks ahead of the demo calendar');
}

/** Scrolls the chart so that the bar sits in the middle, away from the auto-scrolling edges. */
async function centre(page: Page, id: string): Promise<void> {
  await page.locator(`[data-task-id="${id}"]`).evaluate((el) => {
    const viewport = el.closest('.viewport') as HTMLElement;
    const box = el.getBoundingClientRect();
    const frame = viewport.getBoundingClientRect();
    viewport.scrollTop += box.top - (frame.top + viewport.clientHeight / 2);
    viewport.scrollLeft += box.left - (frame.left + viewport.clientWidth / 2);
  });
  await page.waitForTimeout(300);
}

/** Drags a bar `dx` pixels to the right (in small steps, as a hand does) and waits for the save. */
async function dragRight(page: Page, id: string, dx: number): Promise<void> {
  await centre(page, id);
  const box = await page.locator(`[data-task-id="${id}"]`).boundingBox();
  assert.ok(box, `the bar of ${id} is on screen`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const steps = Math.ceil(dx / 8);
  for (let step = 1; step <= steps; step++) await page.mouse.move(x + (dx * step) / steps, y);
  await page.mouse.up();
  await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
}

const left = (page: Page, selector: string) =>
  page.locator(selector).evaluate((node) => parseFloat((node as HTMLElement).style.left));

export function coordinatorTriage(ctx: E2eContext): void {
  let api: ApiUser;
  let project: ProjectDto;
  let tuesday: string;
  let at: (date: string, time: string) => string;
  /** Creates a crew of the scene (a crew of its own: no demo work clashes with it). */
  let crew: (name: string) => Promise<string>;

  const setUp = async () => {
    if (api) return;
    api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
    const found = (await api.get<{ items: ProjectDto[] }>('projects')).items.find((p) => p.code === 'HPXC-FXRD');
    assert.ok(found, 'the demo project exists');
    project = found;
    const schedule = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
    tuesday = plainTuesday(schedule, localDateOf(Date.now(), project.timeZone));
    at = (date, time) => instantOf(date, time, project.timeZone).toISOString();
    const [contractor] = (await api.get<{ items: { id: string }[] }>('contractors?pageSize=1')).items;
    crew = async (name) =>
      (await api.post<{ id: string }>('crews', { name, contractorId: contractor.id, leaderName: '端到端' })).id;
  };
  const task = async (title: string, crewId: string, locationId: string, date: string) =>
    api.post<TaskDto>('tasks', {
      projectId: project.id,
      title,
      crewId,
      locationId,
      plannedStart: at(date, '08:00'),
      durationMinutes: 240,
    });

  it(
    'a coordinator accepts a conflict with a reason: the badge drops by one and the clash turns grey; moving one of its tasks reopens it',
    { timeout: 150_000 },
    async () => {
      await setUp();
      // The scene: two crews of their own at one compound on the same Tuesday morning.
      const compound = await api.post<{ id: string }>('locations', { kind: 'compound', name: '端到端冲突小区' });
      const p = await task('端到端：移动光缆穿管', await crew('端到端移动班'), compound.id, tuesday);
      const q = await task('端到端：电信光缆穿管', await crew('端到端电信班'), compound.id, tuesday);
      const clashes = await api.get<{ items: ConflictDto[] }>(
        `projects/${project.id}/conflicts?from=${tuesday}&to=${tuesday}`,
      );
      const clash = clashes.items.find((c) => c.kind === 'location-clash' && c.taskIds.includes(p.id));
      assert.ok(clash, 'the two crews clash at the compound');
      assert.deepEqual([...clash.taskIds].sort(), [p.id, q.id].sort());
      const item = `li[data-key="${clash.key}"]`;

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt?task=${p.id}&zoom=day&group=location`);
        await page.locator(`[data-task-id="${p.id}"]`).waitFor({ state: 'visible' });
        await page.click('[data-testid=conflicts-toggle]');
        await page.locator(item).waitFor();
        const before = Number(await page.textContent('[data-testid=conflicts-count]'));
        assert.equal(await page.getAttribute(item, 'data-state'), 'open');
        assert.match((await page.getAttribute(`[data-task-id="${p.id}"]`, 'class')) ?? '', /\bhas-conflict\b/);

        // Accept, with the reason typed (the suggestions are offered alongside).
        await page.click(`${item} [data-testid=conflict-accept]`);
        await page.fill(`${item} [data-testid=conflict-reason]`, '两家运营商在同一小区不同楼栋施工，可并行');
        await page.click(`${item} [data-testid=conflict-confirm]`);
        await page.waitForSelector(`${item}[data-state=accepted]`);
        assert.equal(
          Number(await page.textContent('[data-testid=conflicts-count]')),
          before - 1,
          'the badge drops by one',
        );
        assert.match((await page.getAttribute(item, 'class')) ?? '', /\bsettled\b/, 'the clash stays listed, greyed');
        assert.match((await page.textContent(item)) ?? '', /已接受.*两家运营商在同一小区不同楼栋施工，可并行/s);
        const marker = (await page.getAttribute(`[data-task-id="${p.id}"]`, 'class')) ?? '';
        assert.match(marker, /\bhas-settled-conflict\b/, 'the bar keeps a grey marker');
        assert.doesNotMatch(marker, /\bhas-conflict\b/);
        const stored = await api.get<{ items: ConflictDecisionDto[] }>(
          `projects/${project.id}/conflict-decisions?key=${encodeURIComponent(clash.key)}`,
        );
        assert.deepEqual(
          stored.items.map((d) => [d.action, d.reason, d.decidedById]),
          [['accept', '两家运营商在同一小区不同楼栋施工，可并行', api.user.id]],
        );

        // Move P two hours later: the crews still meet, and the clash is open again.
        await dragRight(page, p.id, 2 * (DAY_PX / 24));
        const moved = await api.get<TaskDto>(`tasks/${p.id}`);
        assert.equal(moved.plannedStart, at(tuesday, '10:00'), 'P now starts at 10:00');
        await page.waitForSelector(`${item}[data-state=reopened]`);
        assert.equal(Number(await page.textContent('[data-testid=conflicts-count]')), before, 'it counts again');
        assert.match((await page.textContent(item)) ?? '', /已重新打开.*系统.*端到端：移动光缆穿管 已变更/s);
        assert.match((await page.getAttribute(`[data-task-id="${p.id}"]`, 'class')) ?? '', /\bhas-conflict\b/);
        const history = await api.get<{ items: ConflictDecisionDto[] }>(
          `projects/${project.id}/conflict-decisions?key=${encodeURIComponent(clash.key)}`,
        );
        assert.deepEqual(
          history.items.map((d) => [d.action, d.changedTaskIds]),
          [
            ['accept', []],
            ['reopen', [p.id]],
          ],
        );
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );

  it(
    'a coordinator saves a baseline, moves a task a day later, and sees the baseline bar and a slip of 1 working day',
    { timeout: 150_000 },
    async () => {
      await setUp();
      const site = await api.post<{ id: string }>('locations', { kind: 'compound', name: '端到端基线小区' });
      const r = await task('端到端：表箱改接', await crew('端到端表箱班'), site.id, tuesday);

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await page.goto(`${ctx.stack.url}/projects/${project.id}/gantt?task=${r.id}&zoom=day&group=location`);
        await page.locator(`[data-task-id="${r.id}"]`).waitFor({ state: 'visible' });

        await page.click('[data-testid=baseline-save]');
        await page.fill('[data-testid=baseline-name]', '端到端基线');
        await page.click('[data-testid=baseline-save-confirm]');
        await page.waitForSelector('[data-testid=baseline-message]:has-text("已保存基线“端到端基线”")');
        await page.locator(`[data-baseline-id="${r.id}"]`).waitFor({ state: 'attached' });
        const barLeft = await left(page, `[data-task-id="${r.id}"]`);
        assert.equal(await left(page, `[data-baseline-id="${r.id}"]`), barLeft, 'the baseline lies under the bar');
        assert.equal(await page.locator(`[data-slip-id="${r.id}"]`).count(), 0, 'no slip yet');

        // One day later: Wednesday 08:00–12:00.
        await dragRight(page, r.id, DAY_PX);
        const moved = await api.get<TaskDto>(`tasks/${r.id}`);
        assert.equal(moved.plannedFinish, at(addDays(tuesday, 1), '12:00'), 'R finishes on Wednesday');
        await page.locator(`[data-slip-id="${r.id}"]`).waitFor({ state: 'attached' });
        assert.equal((await page.textContent(`[data-slip-id="${r.id}"]`))?.trim(), '+1');
        assert.equal(await left(page, `[data-baseline-id="${r.id}"]`), barLeft, 'the baseline stayed where it was');
        assert.equal(await left(page, `[data-task-id="${r.id}"]`), barLeft + DAY_PX, 'the bar moved a day');
        assert.match(
          (await page.getAttribute(`[data-baseline-id="${r.id}"]`, 'title')) ?? '',
          /延误 1 个工作日/,
          'the tooltip says the slip',
        );

        // The task panel says it too.
        await page.dblclick(`[data-task-id="${r.id}"]`);
        await page.waitForSelector('[data-testid=baseline-slip]');
        assert.match((await page.textContent('[data-testid=baseline-slip]')) ?? '', /完成比基线晚 1 个工作日/);

        const [baseline] = (
          await api.get<{ items: { id: string; name: string }[] }>(`projects/${project.id}/baselines`)
        ).items;
        assert.equal(baseline.name, '端到端基线');
        const compared = await api.get<BaselineComparisonDto>(
          `projects/${project.id}/baselines/${baseline.id}/compare`,
        );
        const difference = compared.items.find((item) => item.taskId === r.id);
        assert.equal(difference?.finishSlipDays, 1);

        // The comparison table lists it, with the slip.
        await page.click('[data-testid=baseline-compare]');
        const row = page.locator(`[data-testid=baseline-difference][data-task-id="${r.id}"]`);
        await row.waitFor();
        assert.match((await row.textContent()) ?? '', /端到端：表箱改接.*\+1/s);

        // The baseline and the comparison are in the URL: a reload (or the link, shared) shows them again.
        await page.waitForURL((url) => url.searchParams.get('baseline') === baseline.id);
        await page.waitForURL((url) => url.searchParams.get('compare') === 'current');
        await page.reload();
        await page.locator(`[data-baseline-id="${r.id}"]`).waitFor({ state: 'attached' });
        await page.locator(`[data-testid=baseline-difference][data-task-id="${r.id}"]`).waitFor();
        assert.equal(await page.inputValue('[data-testid=baseline-select]'), baseline.id);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
}
