import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import type { ProjectScheduleDto, TaskChainDto } from '@worksite/shared-domain';
import { ApiUser, DEMO } from '../support/api';
import { logIn, newPage } from '../support/browser';
import type { E2eContext } from '../main.e2e';

export function agencyChain(ctx: E2eContext): void {
  it(
    'an agency user lands on its tasks and sees a task’s chain as the API computes it',
    { timeout: 90_000 },
    async () => {
      const api = await ApiUser.login(ctx.stack.url, DEMO.agency.username, DEMO.agency.password);
      assert.ok(api.user.departmentId, 'the demo agency user belongs to a department');
      const projects = await api.get<{ items: { id: string; code: string }[] }>('projects');
      const project = projects.items[0];
      const schedule = await api.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
      // An open task of the department that waits for another task.
      const waiting = new Set(schedule.dependencies.map((d) => d.successorId));
      const task = schedule.tasks
        .filter((t) => t.departmentId === api.user.departmentId && waiting.has(t.id))
        .filter((t) => t.status !== 'done' && t.status !== 'cancelled')
        .sort((a, b) => a.earlyStart.localeCompare(b.earlyStart))[0];
      assert.ok(task, 'the department has an open task with a predecessor');
      const chain = await api.get<TaskChainDto>(`tasks/${task.id}/chain`);
      assert.ok(chain.upstream.length > 0);

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await logIn(page, ctx.stack.url, DEMO.agency.username, DEMO.agency.password);
        await page.waitForURL('**/agency');
        if (projects.items.length > 1) await page.selectOption('[data-testid=agency-project]', project.id);
        const row = page.locator(`[data-testid=agency-task][data-task-id="${task.id}"]`);
        await row.waitFor();
        await row.locator('[data-testid=toggle-chain]').click();
        const upstream = page.locator('[data-testid=chain-upstream]');
        await upstream.waitFor();
        const text = (await upstream.textContent()) ?? '';
        for (const item of chain.upstream) {
          assert.ok(text.includes(item.title), `the chain shows ${item.title}`);
          assert.ok(text.includes(item.departmentName), `the chain names ${item.departmentName}`);
        }
        const downstreamText = (await page.locator('[data-testid=chain-downstream]').textContent()) ?? '';
        for (const item of chain.downstream)
          assert.ok(downstreamText.includes(item.title), `downstream shows ${item.title}`);
        assert.equal(await row.locator('[data-testid=toggle-chain]').getAttribute('aria-expanded'), 'true');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
}
