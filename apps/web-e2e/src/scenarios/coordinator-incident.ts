import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { simpleParser } from 'mailparser';
import { readPdf } from '@worksite/server-pdf';
import type { IncidentDetailDto, OnCallRosterDto, PageDto, PlaybookDto } from '@worksite/shared-domain';
import { ApiUser, DEMO } from '../support/api';
import { logIn, newPage } from '../support/browser';
import { ROOT } from '../support/stack';
import type { E2eContext } from '../main.e2e';

/** Screenshots go to E2E_SCREENSHOTS (e.g. /tmp) or dist/e2e-screenshots, named board-*.png. */
const SCREENSHOTS = process.env['E2E_SCREENSHOTS'] ?? resolve(ROOT, 'dist/e2e-screenshots');
const ADMIN = DEMO.admin;

interface Department {
  id: string;
  kind: string;
  name: string;
}

/** Whether the page scrolls sideways (it must not at phone width). */
const overflowsX = (page: Page) =>
  page.evaluate(() => (document.scrollingElement as Element).scrollWidth > document.documentElement.clientWidth + 1);

/** The acknowledgement link of the call-out e-mail sent to `address`. */
async function ackLinkIn(messages: { to: string[]; raw: string }[], address: string): Promise<string | undefined> {
  for (const message of messages) {
    if (!message.to.includes(address)) continue;
    const mail = await simpleParser(message.raw);
    const link = /https?:\/\/[^\s"<>]+\/api\/incident-ack\/[A-Za-z0-9_%-]+/.exec(mail.text ?? '')?.[0];
    if (link) return link;
  }
  return undefined;
}

/** The crew lead opens the link on their phone and presses the button, as the call-out asks. */
async function acknowledgeAsCrew(browser: Browser, link: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(link);
    await page.click('form button[type=submit]');
    await page.waitForLoadState('load');
  } finally {
    await context.close();
  }
}

export function coordinatorIncident(ctx: E2eContext): void {
  it(
    'a coordinator reports the cable fire at 八经街32号楼1单元, watches the crews answer live, closes after the paperwork and gets the report',
    { timeout: 240_000 },
    async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const admin = await ApiUser.login(ctx.stack.url, ADMIN.username, ADMIN.password);
      const departments = (await admin.get<PageDto<Department>>('departments?pageSize=100')).items;
      const powerCompany = departments.find((d) => d.kind === 'power');
      assert.ok(powerCompany, 'the demo has the power company');
      // The demo's playbook and rosters: the power company's standby crew is on duty.
      const playbooks = (await admin.get<PageDto<PlaybookDto>>('playbooks')).items;
      assert.ok(
        playbooks.some((p) => p.kind === 'cable_fire'),
        'the demo has the cable-fire playbook',
      );
      const roster = await admin.get<OnCallRosterDto>(`on-call/${powerCompany.id}`);
      assert.ok(roster.onDutyCrewId, 'a crew of the power company is on duty');
      const channels = await admin.get<PageDto<{ kind: string; address: string; enabled: boolean }>>(
        `crew-channels?crewId=${roster.onDutyCrewId}`,
      );
      const email = channels.items.find((c) => c.kind === 'email' && c.enabled)?.address;
      assert.ok(email, 'the on-duty crew has an e-mail channel');

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        // From the navigation: 突发事件 → 报告突发事件.
        await page.click('nav a[href="/incidents"]');
        await page.click('[data-testid=report-incident]');
        await page.waitForSelector('[data-testid=report-form]');
        await page.selectOption('select[name=kind]', 'cable_fire');
        await page.selectOption('select[name=severity]', 'major');
        await page.fill('input[name=title]', '1单元缓步台外侧电缆起火，动力与通信电缆缠绕');
        await page.fill('input[name=callerName]', '李桂兰（2楼住户）');
        await page.fill('input[name=callerPhone]', '13700001234');
        await page.selectOption('select[name=compound]', { label: '八经小区' });
        await page.selectOption('select[name=building]', { label: '32号楼' });
        await page.selectOption('select[name=unit]', { label: '1单元' });
        await page.fill('textarea[name=accessNotes]', '楼门常开；配电箱钥匙在一楼101。');
        await page.screenshot({ path: resolve(SCREENSHOTS, 'board-report-form-zh.png'), fullPage: true });
        await page.click('[data-testid=open-incident]');
        await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
        const incidentId = page.url().split('/').pop() as string;

        // The board: the power company is called at once; the site is the unit the form named.
        const power = page.locator(`[data-testid=department-card][data-department-id="${powerCompany.id}"]`);
        await power.waitFor();
        await page.waitForSelector(
          `[data-testid=department-card][data-department-id="${powerCompany.id}"][data-status=notified]`,
          { timeout: 30_000 },
        );
        assert.match((await page.textContent('[data-testid=site-card]')) ?? '', /32号楼[\s\S]*1单元/);
        assert.ok((await page.locator('[data-testid=rush-task]').count()) >= 3, 'the rush tasks are listed');
        await page.waitForSelector('[data-testid=live-mode][data-mode=live]');
        await page.screenshot({ path: resolve(SCREENSHOTS, 'board-notified-zh.png'), fullPage: true });

        // The crew acknowledges through the link of its call-out; the board changes without a reload.
        await page.evaluate(() => ((window as unknown as { wsNoReload: boolean }).wsNoReload = true));
        const link = await admin.waitFor(
          () => ackLinkIn(ctx.stack.smtp.messages, email),
          (found) => !!found,
          30_000,
        );
        await acknowledgeAsCrew(ctx.browser, link as string);
        await page.waitForSelector(
          `[data-testid=department-card][data-department-id="${powerCompany.id}"][data-status=acknowledged]`,
          { timeout: 15_000 },
        );
        assert.equal(await page.evaluate(() => (window as unknown as { wsNoReload?: boolean }).wsNoReload), true);
        assert.equal(await page.locator('[data-testid=timeline-event][data-kind=acknowledged]').count(), 1);

        // The coordinator marks the crew on site, then done.
        await power.locator('[data-testid=set-on_site]').click();
        await page.waitForSelector(
          `[data-testid=department-card][data-department-id="${powerCompany.id}"][data-status=on_site]`,
        );
        await power.locator('[data-testid=set-done]').click();
        await page.waitForSelector(
          `[data-testid=department-card][data-department-id="${powerCompany.id}"][data-status=done]`,
        );

        // Closing is refused while the paperwork is open, with the server's own words.
        // The board still shows the message of the last action (已记录完成) until the refusal arrives.
        await page.click('[data-testid=close-incident]');
        await page
          .locator('[data-testid=board-message]', { hasText: '事故资料任务尚未完成' })
          .waitFor({ timeout: 15_000 });
        assert.match((await page.textContent('[data-testid=board-message]')) ?? '', /事故资料任务尚未完成/);
        assert.equal(await page.getAttribute('[data-testid=incident-status]', 'data-status'), 'open');
        assert.ok(await page.locator('[data-testid=paperwork-countdown]').isVisible());

        await page.click('[data-testid=paperwork-done]');
        await page.waitForSelector('[data-testid=paperwork][data-done=true]');
        await page.click('[data-testid=close-incident]');
        await page.waitForSelector('[data-testid=incident-status][data-status=closed]');
        await page.screenshot({ path: resolve(SCREENSHOTS, 'board-closed-zh.png'), fullPage: true });

        const stored = await admin.get<IncidentDetailDto>(`incidents/${incidentId}`);
        assert.equal(stored.status, 'closed');
        assert.ok(stored.paperworkDone);

        // The post-incident report: a PDF with the incident and its timeline.
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 60_000 }),
          page.click('[data-testid=report-pdf]'),
        ]);
        const path = await download.path();
        assert.ok(path, 'the report was saved');
        assert.match(download.suggestedFilename(), /\.pdf$/);
        const text = readPdf(readFileSync(path)).pages.flat().join('');
        assert.ok(text.includes(stored.code), 'the report names the incident');
        assert.ok(text.includes(roster.onDutyCrewName as string), 'the report names the crew that came');

        // The list shows it, closed, at the top.
        await page.click('nav a[href="/incidents"]');
        const first = page.locator('[data-testid=incident-row]').first();
        await first.waitFor();
        assert.equal(await first.getAttribute('data-status'), 'closed');
        assert.ok(((await first.textContent()) ?? '').includes(stored.code));

        // On a phone: the board and the form fit 390 px.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${ctx.stack.url}/incidents/${incidentId}`);
        await page.waitForSelector('[data-testid=department-card]');
        assert.equal(await overflowsX(page), false, 'the board does not scroll sideways at 390 px');
        await page.screenshot({ path: resolve(SCREENSHOTS, 'board-390.png') });
        await page.screenshot({ path: resolve(SCREENSHOTS, 'board-390-full.png'), fullPage: true });
        await page.goto(`${ctx.stack.url}/incidents/new`);
        await page.waitForSelector('[data-testid=report-form]');
        assert.equal(await overflowsX(page), false, 'the report form does not scroll sideways at 390 px');
        await page.screenshot({ path: resolve(SCREENSHOTS, 'board-report-form-390.png'), fullPage: true });
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
}
