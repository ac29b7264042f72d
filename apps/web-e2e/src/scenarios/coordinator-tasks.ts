import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { CalendarSpec, WorkingCalendar } from '@worksite/scheduling-engine';
import { parseDuration } from '@worksite/plan-notation';
import { settleTaskTimes, shiftByWorkingDays } from '@worksite/scheduling-network';
import type { DependencyDto, ProjectDto, ProjectScheduleDto, TaskDto, WorkStepDto } from '@worksite/shared-domain';
import { addDays, dayRange, instantOf, localDateOf, weekdayOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO } from '../support/api';
import { logIn, newPage } from '../support/browser';
import type { E2eContext } from '../main.e2e';

/** Where the scenario's screenshots go (E2E_SCREENSHOTS, else a folder in the system's temp dir). */
const SHOTS = process.env['E2E_SCREENSHOTS'] ?? join(tmpdir(), 'worksite-e2e');

/**
 * The first Friday at least two weeks ahead whose next working days are plain: from Friday to
 * the Tuesday after, no holiday, no 调休 and no blackout — on whatever day the test runs.
 */
function plainFriday(schedule: ProjectScheduleDto, today: string): string {
  const { holidays, makeUpWorkdays, blackouts, timeZone } = schedule.calendar;
  const blackedOut = (date: string) => {
    const { start, end } = dayRange(date, timeZone);
    return blackouts.some((b) => b.start < end.getTime() && b.end > start.getTime());
  };
  for (let date = addDays(today, 14); date < addDays(today, 400); date = addDays(date, 1)) {
    if (weekdayOf(date) !== 5) continue;
    const days = [0, 1, 2, 3, 4].map((n) => addDays(date, n));
    if (days.some((day) => holidays.includes(day) || makeUpWorkdays.includes(day) || blackedOut(day))) continue;
    return date;
  }
  throw new Error('no plain Friday in the next 400 days of the demo calendar');
}

/** Brings a bar into the middle of the chart (by the ?task= deep link) and waits for it. */
async function reveal(page: Page, url: string, projectId: string, taskId: string): Promise<void> {
  await page.goto(`${url}/projects/${projectId}/gantt?task=${taskId}&zoom=day&group=location`);
  await page.locator(`.chart [data-task-id="${taskId}"]`).waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `coordinator-tasks-${name}.png`) });
}

export function coordinatorTasks(ctx: E2eContext): void {
  it(
    'a coordinator creates a task from a standard work step, duplicates it, shifts two tasks by 2 working days and deletes one with its links',
    { timeout: 180_000 },
    async () => {
      const api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
      const project = (await api.get<{ items: ProjectDto[] }>('projects')).items.find((p) => p.code === 'HPXC-FXRD');
      assert.ok(project, 'the demo project exists');
      const zone = project.timeZone;
      const schedule = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
      const calendar = WorkingCalendar.compile(schedule.calendar as unknown as CalendarSpec);
      const steps = (await api.get<{ items: WorkStepDto[] }>('work-steps')).items;
      const step = steps.find((s) => s.name === '拆除架空飞线');
      assert.ok(step, 'the demo has the standard work step 拆除架空飞线');

      // The scene: a compound of its own; A (Friday morning) → C, both automatic.
      const friday = plainFriday(schedule, localDateOf(Date.now(), zone));
      const at = (date: string, time: string) => instantOf(date, time, zone).toISOString();
      const compound = await api.post<{ id: string }>('locations', { kind: 'compound', name: '端到端工序小区' });
      const crew = (await api.get<{ items: { id: string }[] }>('crews?pageSize=1')).items[0];
      const task = (title: string, start: string) =>
        api.post<TaskDto>('tasks', {
          projectId: project.id,
          title,
          crewId: crew.id,
          locationId: compound.id,
          plannedStart: start,
          durationMinutes: 240,
        });
      const a = await task('端到端：动力电缆入地', at(friday, '08:00'));
      const c0 = await task('端到端：表箱改接', at(friday, '08:00'));
      await api.post<DependencyDto>('dependencies', { predecessorId: a.id, successorId: c0.id, type: 'FS' });

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await page.setViewportSize({ width: 1280, height: 860 });
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await reveal(page, ctx.stack.url, project.id, a.id);

        // 1. From the header: a new task from the standard step, after A, linked finish-to-start.
        await page.click('[data-testid=new-task-button]');
        await page.waitForSelector('[data-testid=new-task-dialog]');
        await page.selectOption('[data-testid=work-step]', { label: step.name });
        assert.equal(await page.inputValue('[data-testid=dialog-title]'), step.name);
        assert.deepEqual(parseDuration(await page.inputValue('[data-testid=dialog-hours]'), 480), {
          ok: true,
          minutes: step.durationMinutes,
        });
        assert.equal(
          await page.inputValue('[data-testid=dialog-location]'),
          compound.id,
          "A's location is the default",
        );
        assert.ok(await page.isChecked('[data-testid=place-after]'), 'the new task goes after the selected one');
        assert.ok(await page.isChecked('[data-testid=link-fs]'));
        await shot(page, '1280-new-task');
        await page.click('[data-testid=create-task]');
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        await page.waitForSelector('[data-testid=new-task-dialog]', { state: 'detached' });

        const afterCreate = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
        const created = afterCreate.tasks.find((t) => t.title === step.name && t.locationId === compound.id);
        assert.ok(created, 'the task made from the work step is stored');
        assert.deepEqual(
          [created.durationMinutes, created.materials, created.tools, created.safetyNotes, created.content],
          [step.durationMinutes, step.materials, step.tools, step.safetyNotes, step.content],
          'duration, materials, tools, safety notes and content come from the work step',
        );
        assert.equal(created.departmentId, step.departmentId, "the step's department");
        assert.ok(
          afterCreate.dependencies.some(
            (d) => d.predecessorId === a.id && d.successorId === created.id && d.type === 'FS',
          ),
          'linked after A',
        );
        assert.ok(created.plannedStart >= a.plannedFinish, 'it starts when A is finished');

        // 2. Duplicate it from its bar's context menu: a copy without links.
        await reveal(page, ctx.stack.url, project.id, created.id);
        await page.click(`.chart [data-task-id="${created.id}"]`, { button: 'right' });
        await page.waitForSelector('[data-testid=task-menu]');
        await page.click('[data-testid=menu-duplicate]');
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        const afterCopy = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
        const copy = afterCopy.tasks.find((t) => t.title === `${step.name}（副本）` && t.locationId === compound.id);
        assert.ok(copy, 'the copy is stored');
        assert.deepEqual([copy.plannedStart, copy.durationMinutes], [created.plannedStart, created.durationMinutes]);
        assert.ok(!afterCopy.dependencies.some((d) => d.successorId === copy.id || d.predecessorId === copy.id));

        // 3. Select A and the copy (Ctrl+click) and shift both by 2 working days.
        await reveal(page, ctx.stack.url, project.id, a.id);
        await page.click(`.chart [data-task-id="${a.id}"]`);
        await page.click(`.chart [data-task-id="${copy.id}"]`, { modifiers: ['Control'] });
        await page.waitForSelector('[data-testid=bulk-bar]');
        assert.match((await page.textContent('[data-testid=bulk-count]')) ?? '', /2/);
        await page.fill('[data-testid=bulk-days]', '2');
        await shot(page, '1280-bulk');
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(300);
        const bulkBox = await page.locator('[data-testid=bulk-bar]').boundingBox();
        assert.ok(bulkBox && bulkBox.x >= 0 && bulkBox.x + bulkBox.width <= 390, 'the bulk bar fits a phone');
        await shot(page, '390-bulk');
        await page.setViewportSize({ width: 1280, height: 860 });
        const aBefore = await api.get<TaskDto>(`tasks/${a.id}`);
        await page.click('[data-testid=bulk-shift]');
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        const landing = (start: string, duration: number) => {
          const moved = shiftByWorkingDays(calendar, zone, Date.parse(start), 2);
          assert.ok(moved !== null);
          const settled = settleTaskTimes(calendar, 'automatic', { start: moved, currentDuration: duration });
          assert.ok(settled.ok);
          return new Date(settled.times.start).toISOString();
        };
        const aShifted = await api.get<TaskDto>(`tasks/${a.id}`);
        const copyShifted = await api.get<TaskDto>(`tasks/${copy.id}`);
        assert.equal(aShifted.plannedStart, landing(aBefore.plannedStart, aBefore.durationMinutes));
        assert.equal(copyShifted.plannedStart, landing(copy.plannedStart, copy.durationMinutes));
        assert.notEqual(weekdayOf(localDateOf(Date.parse(aShifted.plannedStart), zone)), 7, 'not on a Sunday');
        assert.ok(aShifted.startDate > addDays(friday, 1), 'two working days after Friday: past the weekend');
        const cShifted = await api.get<TaskDto>(`tasks/${c0.id}`);
        assert.ok(cShifted.plannedStart >= aShifted.plannedFinish, 'C is pushed after A');

        // 4. Delete A, which has links: the question names them, the answer removes them too.
        await reveal(page, ctx.stack.url, project.id, a.id);
        await page.click(`.chart [data-task-id="${a.id}"]`, { button: 'right' });
        await page.click('[data-testid=menu-delete]');
        await page.waitForSelector('[data-testid=delete-confirm]');
        const question = (await page.textContent('[data-testid=delete-confirm]')) ?? '';
        assert.ok(question.includes('端到端：动力电缆入地') && question.includes('2 条依赖'), question);
        await shot(page, '1280-delete');
        await page.click('[data-testid=confirm-delete]');
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        const afterDelete = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
        assert.ok(!afterDelete.tasks.some((t) => t.id === a.id), 'A is deleted');
        assert.ok(!afterDelete.dependencies.some((d) => d.predecessorId === a.id || d.successorId === a.id));
        assert.ok(afterDelete.tasks.some((t) => t.id === c0.id) && afterDelete.tasks.some((t) => t.id === copy.id));

        // The dialog on a phone.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.click('[data-testid=new-task-button]');
        await page.waitForSelector('[data-testid=new-task-dialog]');
        await page.selectOption('[data-testid=work-step]', { label: '动力电缆入地及表箱改接' });
        const dialogBox = await page.locator('[data-testid=new-task-dialog]').boundingBox();
        assert.ok(dialogBox && dialogBox.x >= 0 && dialogBox.x + dialogBox.width <= 390, 'the dialog fits a phone');
        await shot(page, '390-new-task');
        await page.keyboard.press('Escape');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
}
