import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import type { NoticeDto, ProjectDto, TaskDto } from '@worksite/shared-domain';
import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO, sendNoticesNow } from '../support/api';
import { logIn, newPage } from '../support/browser';
import type { E2eContext } from '../main.e2e';

export function crewAcknowledge(ctx: E2eContext): void {
  it('a crew lead sees the notice the night run sent and acknowledges it', { timeout: 150_000 }, async () => {
    const coordinator = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
    const lead = await ApiUser.login(ctx.stack.url, DEMO.contractor.username, DEMO.contractor.password);
    const projects = await coordinator.get<{ items: ProjectDto[] }>('projects');
    const project = projects.items.find((p) => p.code === 'HPXC-FXRD');
    assert.ok(project);
    const crewId = lead.user.crewIds[0];
    assert.ok(crewId, 'the demo crew lead leads a crew');
    const tomorrow = addDays(localDateOf(Date.now(), project.timeZone), 1);

    // The crew gets work tomorrow whatever weekday it is: a pinned two-hour task (like the
    // demo's weekend safety watches), created through the API as a coordinator would.
    const existing = await lead.get<{ items: TaskDto[] }>(`tasks?crewId=${crewId}&from=${tomorrow}&to=${tomorrow}`);
    if (existing.items.length === 0) {
      await coordinator.post<TaskDto>('tasks', {
        projectId: project.id,
        crewId,
        title: '端到端测试：电缆井巡查',
        content: '巡查已开挖电缆井的围挡和警示灯。',
        schedulingMode: 'manual',
        plannedStart: instantOf(tomorrow, '09:00', project.timeZone).toISOString(),
        plannedFinish: instantOf(tomorrow, '11:00', project.timeZone).toISOString(),
        tools: ['手电'],
      });
    }

    // "Send now" for tomorrow, then wait for the worker to compose and deliver every notice.
    await sendNoticesNow(coordinator, project.id, tomorrow);
    const notices = await lead.get<{ items: NoticeDto[] }>(`notices?crewId=${crewId}&date=${tomorrow}&latest=true`);
    const notice = notices.items[0];
    assert.ok(notice, 'the night run made a notice for the crew');
    assert.equal(notice.acknowledgedAt, null);
    // The email of this notice went to this crew's own address — the channel of the crew whose
    // lead logs in below — and to no one else.
    const channels = await coordinator.get<{ items: { kind: string; address: string; enabled: boolean }[] }>(
      `crew-channels?crewId=${crewId}`,
    );
    const own = channels.items.filter((channel) => channel.kind === 'email' && channel.enabled);
    assert.equal(own.length, 1, 'the demo crew has one enabled email channel');
    const ownAddress = own[0].address;
    const detail = await coordinator.get<NoticeDto>(`notices/${notice.id}`);
    assert.deepEqual(
      (detail.deliveries ?? []).filter((d) => d.kind === 'email').map((d) => [d.address, d.status]),
      [[ownAddress, 'sent']],
    );
    const marker = new RegExp(`^X-Worksite-Notice: ${crewId}/${tomorrow}/${notice.revision}\\r?$`, 'im');
    const headersOf = (raw: string) => raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
    const mails = ctx.stack.smtp.messages.filter((message) => marker.test(headersOf(message.raw)));
    assert.ok(mails.length >= 1, 'the notice went out through the SMTP sink');
    assert.deepEqual([...new Set(mails.flatMap((message) => message.to))], [ownAddress]);

    const { context, page, errors } = await newPage(ctx.browser);
    try {
      await logIn(page, ctx.stack.url, DEMO.contractor.username, DEMO.contractor.password);
      await page.waitForURL('**/crew');
      if ((await page.locator('.pick select').count()) > 0) await page.selectOption('.pick select', crewId);
      const card = page.locator(`[data-testid=notice][data-notice-id="${notice.id}"]`);
      await card.waitFor();
      assert.notEqual(await card.getAttribute('data-state'), 'acknowledged');
      await card.locator('[data-testid=acknowledge]').click();
      // Shown at once; sent through the phone's outbox (waiting until the server has it).
      await page.waitForSelector(
        `[data-testid=notice][data-notice-id="${notice.id}"][data-state=acknowledged]:not([data-waiting])`,
      );
      assert.equal(await card.locator('[data-testid=acknowledge]').count(), 0);

      const stored = await lead.get<NoticeDto>(`notices/${notice.id}`);
      assert.ok(stored.acknowledgedAt, 'the API has the acknowledgement');
      assert.equal(stored.acknowledgedVia, 'session');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
