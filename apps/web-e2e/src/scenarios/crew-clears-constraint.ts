import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'node:test';
import type { MakeReadyConstraintDto, TaskReadinessDto } from '@worksite/shared-make-ready';
import { DEMO } from '../support/api';
import { logIn, newPage } from '../support/browser';
import { ROOT } from '../support/stack';
import type { E2eContext } from '../main.e2e';
import { openPanel } from './coordinator-make-ready';
import { crewTaskToday, PHONE, signInBoth } from './crew-phone-offline';

const SCREENSHOTS = resolve(ROOT, 'dist/e2e-screenshots');

export function crewClearsConstraint(ctx: E2eContext): void {
  it(
    'a coordinator names the crew lead owner of a constraint (materials on site), the lead marks it cleared on his phone, and the task is ready for everyone',
    { timeout: 120_000 },
    async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const { coordinator, lead, project, crewId, today } = await signInBoth(ctx);
      const task = await crewTaskToday(coordinator, project, crewId, {
        title: '端到端：电缆到场后敷设',
        content: '敷设入户电缆。',
        hours: ['16:00', '17:30'],
      });
      const readiness = async () =>
        (
          await coordinator.get<{ tasks: TaskReadinessDto[] }>(`projects/${project.id}/readiness?from=${today}`)
        ).tasks.find((r) => r.taskId === task.id);

      // The coordinator names the crew lead owner of the cable's arrival, in the task panel.
      const desk = await newPage(ctx.browser);
      try {
        await logIn(desk.page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await openPanel(desk.page, ctx.stack.url, project.id, task.id);
        const section = desk.page.locator('ws-task-panel [data-testid=make-ready]');
        await section.locator('[data-testid=constraint-add]').click();
        await section.locator('[data-testid=constraint-kind]').selectOption('materials');
        const owner = section.locator('[data-testid=constraint-owner]');
        await owner.locator(`option[value="u:${lead.user.id}"]`).waitFor({ state: 'attached' });
        assert.match(
          (await owner.locator(`option[value="u:${lead.user.id}"]`).textContent()) ?? '',
          /^王建国（.*电缆一班.*）$/,
        );
        await owner.selectOption(`u:${lead.user.id}`);
        await section.locator('[data-testid=constraint-due-input]').fill(today);
        await section.locator('[data-testid=constraint-description]').fill('YJV22 电缆 150 米到场');
        await section.locator('[data-testid=constraint-save]').click();
        await section.locator('[data-testid=make-ready-state][data-ready=false]').waitFor();
        await desk.page.screenshot({ path: resolve(SCREENSHOTS, 'crew-constraint-owner-panel.png') });
        assert.deepEqual(desk.errors, []);
      } finally {
        await desk.context.close();
      }
      assert.equal((await readiness())?.ready, false);
      const [constraint] = await coordinator.get<MakeReadyConstraintDto[]>(`tasks/${task.id}/constraints`);
      assert.equal(constraint.ownerUserId, lead.user.id);

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await page.setViewportSize(PHONE);
        await logIn(page, ctx.stack.url, DEMO.contractor.username, DEMO.contractor.password);
        await page.waitForURL('**/crew');
        const card = page.locator(`[data-testid=today-task][data-task-id="${task.id}"]`);
        await card.locator('[data-testid=not-ready]').waitFor();
        const line = card.locator('[data-testid=open-constraints] li');
        assert.match((await line.textContent()) ?? '', /材料到场\s*YJV22 电缆 150 米到场.*王建国.*待解决/s);
        await page.screenshot({ path: resolve(SCREENSHOTS, 'crew-constraint-open-390.png') });
        // Only his own constraint has the button.
        assert.equal(await card.locator('[data-testid=constraint-clear]').count(), 1);
        await card.locator('[data-testid=constraint-clear]').click();
        await card.locator('[data-testid=not-ready]').waitFor({ state: 'detached' });
        assert.equal(await card.locator('[data-testid=open-constraints]').count(), 0);
        assert.equal(await page.locator('[data-testid=clear-error]').count(), 0);
        await page.screenshot({ path: resolve(SCREENSHOTS, 'crew-constraint-cleared-390.png') });
        // Cleared for everyone: the coordinator's readiness, and who cleared it.
        assert.equal((await readiness())?.ready, true);
        const [after] = await coordinator.get<MakeReadyConstraintDto[]>(`tasks/${task.id}/constraints`);
        assert.equal(after.id, constraint.id);
        assert.equal(after.status, 'cleared');
        assert.equal(after.clearedByName, '王建国'); // the demo crew lead
        // Reloaded, the phone says the same.
        await page.reload();
        await card.waitFor();
        assert.equal(await card.locator('[data-testid=not-ready]').count(), 0);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
}
