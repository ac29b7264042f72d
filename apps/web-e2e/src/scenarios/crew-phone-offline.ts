import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'node:test';
import { Client } from 'pg';
import type { NoticeDto, TaskDto } from '@worksite/shared-domain';
import { type CrewReportResult, type PpcReportDto, weekStartOf } from '@worksite/shared-make-ready';
import { instantOf, localDateOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO, demoProject, sendNoticesNow } from '../support/api';
import { logIn, newPage } from '../support/browser';
import { ROOT } from '../support/stack';
import type { E2eContext } from '../main.e2e';

const SCREENSHOTS = resolve(ROOT, 'dist/e2e-screenshots');
/** Where this scenario's phone screenshots also go, for a person to look at (CREW_PHONE_SHOTS overrides). */
const PHONE_SHOTS = process.env['CREW_PHONE_SHOTS'] ?? SCREENSHOTS;
export const PHONE = { width: 390, height: 844 };

/** The week's figures as the coordinator reads them from the api. */
async function weekFigures(api: ApiUser, projectId: string, week: string) {
  const report = await api.get<PpcReportDto>(`projects/${projectId}/ppc?from=${week}&to=${week}`);
  const figures = report.weeks.find((w) => w.weekStart === week);
  assert.ok(figures, `the report has the week ${week}`);
  return figures;
}

/**
 * The week's plan was made (and frozen) before the week began, so the test puts the commitment
 * straight into the database, as last week's planning meeting would have.
 */
async function commitThisWeek(databaseUrl: string, task: TaskDto, week: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const [plan] = (
      await db.query(
        `INSERT INTO weekly_plans (project_id, week_start, frozen_at) VALUES ($1, $2, now())
         ON CONFLICT (project_id, week_start) DO UPDATE SET frozen_at = COALESCE(weekly_plans.frozen_at, now())
         RETURNING id`,
        [task.projectId, week],
      )
    ).rows as { id: string }[];
    await db.query(
      `INSERT INTO weekly_commitments (plan_id, task_id, crew_id, department_id, made_ready, committed_by_name)
       VALUES ($1, $2, $3, $4, true, '端到端')`,
      [plan.id, task.id, task.crewId, task.departmentId],
    );
  } finally {
    await db.end();
  }
}

/** The coordinator and the demo crew lead signed in to the api, with the demo project and the lead's crew. */
export async function signInBoth(ctx: E2eContext) {
  const coordinator = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
  const lead = await ApiUser.login(ctx.stack.url, DEMO.contractor.username, DEMO.contractor.password);
  const project = await demoProject(coordinator);
  const crewId = lead.user.crewIds[0];
  assert.ok(crewId, 'the demo crew lead leads a crew');
  return { coordinator, lead, project, crewId, today: localDateOf(Date.now(), project.timeZone) };
}

/** A pinned task of the crew today (the coordinator adds it through the api). */
export function crewTaskToday(
  coordinator: ApiUser,
  project: { id: string; timeZone: string },
  crewId: string,
  task: { title: string; content: string; hours: [string, string] },
): Promise<TaskDto> {
  const today = localDateOf(Date.now(), project.timeZone);
  return coordinator.post<TaskDto>('tasks', {
    projectId: project.id,
    crewId,
    title: task.title,
    content: task.content,
    schedulingMode: 'manual',
    plannedStart: instantOf(today, task.hours[0], project.timeZone).toISOString(),
    plannedFinish: instantOf(today, task.hours[1], project.timeZone).toISOString(),
  });
}

export function crewPhoneOffline(ctx: E2eContext): void {
  it(
    "a crew lead's 'not done, 材料未到' made offline is sent once back online and lowers the week's PPC by one commitment",
    { timeout: 150_000 },
    async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const { coordinator, lead, project, crewId, today } = await signInBoth(ctx);
      const week = weekStartOf(today);
      const task = await crewTaskToday(coordinator, project, crewId, {
        title: '端到端：八经街电缆沟回填',
        content: '回填已敷设电缆的沟槽并恢复路面。',
        hours: ['09:00', '11:00'],
      });
      await commitThisWeek(ctx.stack.databaseUrl, task, week);
      const before = await weekFigures(coordinator, project.id, week);

      const { context, page, errors } = await newPage(ctx.browser);
      const sent: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && /\/api\/crew\/reports(\/batch)?$/.test(request.url())) {
          sent.push(request.postData() ?? '');
        }
      });
      try {
        await page.setViewportSize(PHONE);
        await logIn(page, ctx.stack.url, DEMO.contractor.username, DEMO.contractor.password);
        await page.waitForURL('**/crew');
        if ((await page.locator('.pick select').count()) > 0) await page.selectOption('.pick select', crewId);
        const card = page.locator(`[data-testid=today-task][data-task-id="${task.id}"]`);
        await card.waitFor();

        // In the morning the lead reports the task done (online): the week counts it.
        await card.locator('[data-testid=tap-done]').click();
        await page.waitForSelector(`[data-testid=today-task][data-task-id="${task.id}"][data-status=done]`);
        await page.locator('[data-testid=outbox-waiting]').waitFor({ state: 'detached' });
        const afterDone = await weekFigures(coordinator, project.id, week);
        assert.equal(afterDone.committed, before.committed);
        assert.equal(afterDone.done, before.done + 1);

        // Down in the cable trench there is no network: the lead corrects it — not done, 材料未到.
        await context.setOffline(true);
        await card.locator('[data-testid=tap-not-done]').click();
        await card.locator('[data-reason=materials_missing]').click();
        await card.locator('[data-testid=not-done-note]').fill('回填砂未到场');
        await card.locator('[data-testid=send-not-done]').click();
        const waiting = page.locator('[data-testid=outbox-waiting]');
        await waiting.waitFor();
        assert.equal(await waiting.getAttribute('data-count'), '1');
        assert.match((await waiting.textContent()) ?? '', /待发送 1 条/);
        assert.equal(await card.getAttribute('data-not-done'), 'materials_missing');
        await page.screenshot({ path: resolve(SCREENSHOTS, 'crew-phone-offline-390.png') });
        const whileOffline = await weekFigures(coordinator, project.id, week);
        assert.equal(whileOffline.done, afterDone.done, 'nothing reached the server while offline');

        // Back online: the queue flushes by itself.
        await context.setOffline(false);
        await waiting.waitFor({ state: 'detached', timeout: 30_000 });
        await page.screenshot({ path: resolve(SCREENSHOTS, 'crew-phone-online-390.png') });
        const after = await weekFigures(coordinator, project.id, week);
        assert.equal(after.committed, afterDone.committed);
        assert.equal(after.done, afterDone.done - 1, 'the week lost exactly one done commitment');
        const share = (n: number) => Math.round((n / after.committed) * 1000) / 10;
        assert.equal(after.ppc, share(after.done));
        assert.equal(afterDone.ppc, share(after.done + 1));

        // A reload shows what the server recorded: done in the morning, 未完成 材料未到 beside it.
        await page.reload();
        await page.waitForSelector(
          `[data-testid=today-task][data-task-id="${task.id}"][data-not-done=materials_missing]`,
        );
        assert.equal(await card.getAttribute('data-status'), 'done');
        assert.match(
          (await card.locator('[data-testid=not-done-shown]').textContent()) ?? '',
          /材料未到.*回填砂未到场/,
        );
        await page.screenshot({ path: resolve(SCREENSHOTS, 'crew-phone-reloaded-390.png') });

        // The phone's request sent again (a lost answer, a second tab): applied once, PPC unchanged.
        const notDone = sent.map((body) => JSON.parse(body)).find((body) => body.kind === 'not_done');
        assert.ok(notDone, 'the phone sent the not-done tap');
        assert.equal(notDone.reason, 'materials_missing');
        assert.equal(notDone.taskId, task.id);
        const replay = await lead.post<CrewReportResult>('crew/reports', notDone);
        assert.equal(replay.applied, false);
        const batch = await lead.post<{ results: { clientKey: string; applied: boolean }[] }>('crew/reports/batch', {
          reports: [notDone],
        });
        assert.deepEqual(batch.results, [{ clientKey: notDone.clientKey, applied: false }]);
        assert.deepEqual(await weekFigures(coordinator, project.id, week), after);

        const plan = await lead.get<{
          commitments: { taskId: string; outcome: string; reason: string; note: string }[];
        }>(`projects/${project.id}/weekly-plans/${week}`);
        const commitment = plan.commitments.find((c) => c.taskId === task.id);
        assert.deepEqual(
          commitment && { outcome: commitment.outcome, reason: commitment.reason, note: commitment.note },
          { outcome: 'not_done', reason: 'materials_missing', note: '回填砂未到场' },
        );
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= PHONE.width, `the page does not scroll sideways at 390 px (${wide})`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
  it(
    'installs as an app: manifest and service worker served fresh, and the app opens without network',
    { timeout: 150_000 },
    async () => {
      for (const [path, type] of [
        ['/manifest.webmanifest', /manifest\+json/],
        ['/ngsw-worker.js', /javascript/],
        ['/ngsw.json', /json/],
      ] as const) {
        const response = await fetch(`${ctx.stack.url}${path}`);
        assert.equal(response.status, 200, path);
        assert.match(response.headers.get('content-type') ?? '', type, path);
        assert.equal(response.headers.get('cache-control'), 'no-cache', `${path} is checked on every start`);
      }
      const manifest = (await (await fetch(`${ctx.stack.url}/manifest.webmanifest`)).json()) as {
        short_name: string;
        icons: { src: string }[];
      };
      assert.equal(manifest.short_name, '工地协同');
      for (const icon of manifest.icons) assert.equal((await fetch(`${ctx.stack.url}/${icon.src}`)).status, 200);

      const coordinator = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
      const lead = await ApiUser.login(ctx.stack.url, DEMO.contractor.username, DEMO.contractor.password);
      const project = await demoProject(coordinator);
      const task = await crewTaskToday(coordinator, project, lead.user.crewIds[0], {
        title: '端到端：离线开工的电缆井',
        content: '清理电缆井并排水。',
        hours: ['13:00', '15:00'],
      });
      // Marked ready by the coordinator, but the pump is not on site: an open make-ready constraint.
      await coordinator.patch(`tasks/${task.id}`, { version: task.version, status: 'ready' });
      await coordinator.post(`tasks/${task.id}/constraints`, { kind: 'materials', description: '排水泵未到场' });
      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await page.setViewportSize(PHONE);
        await logIn(page, ctx.stack.url, DEMO.contractor.username, DEMO.contractor.password);
        await page.waitForURL('**/crew');
        const card = page.locator(`[data-testid=today-task][data-task-id="${task.id}"]`);
        await card.waitFor();
        // The lead sees it is not ready, not "已就绪" (its status) beside that.
        await card.locator('[data-testid=not-ready]').waitFor();
        assert.equal(await card.locator('[data-status=ready]').count(), 0);
        assert.equal(await card.getAttribute('data-status'), 'ready');
        // And what it waits for, under the task.
        const waitsFor = card.locator('[data-testid=open-constraints] li');
        assert.match((await waitsFor.textContent()) ?? '', /材料到场\s*排水泵未到场.*待解决/s);
        // The worker registers once the app is stable (at the latest after 30 s) and prefetches the shell.
        const active = await page.evaluate(() =>
          Promise.race([
            navigator.serviceWorker.ready.then((r) => !!r.active),
            new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000)),
          ]),
        );
        assert.ok(active, 'the service worker is active');
        await context.setOffline(true);
        // No network from here on: a tap is queued, and the app is opened again (a cold start).
        await card.locator('[data-testid=tap-started]').click();
        await page.locator('[data-testid=outbox-waiting]').waitFor();
        await page.reload();
        await page.waitForSelector('ws-root .ws-brand');
        assert.equal(await page.title(), '工地协同 Worksite');
        assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the worker served the page');
        // The day kept on the phone, not the login page, with the queued tap applied.
        await page.locator('[data-testid=kept-day]').waitFor();
        assert.match(new URL(page.url()).pathname, /\/crew$/);
        assert.match((await page.locator('[data-testid=kept-day]').textContent()) ?? '', /离线/);
        assert.equal(await page.locator('[data-testid=outbox-waiting]').getAttribute('data-count'), '1');
        await page.waitForSelector(`[data-testid=today-task][data-task-id="${task.id}"][data-status=in_progress]`);
        // Still not ready in the kept day (started anyway: the lead's call), and still says why.
        await card.locator('[data-testid=not-ready]').waitFor();
        assert.match((await waitsFor.textContent()) ?? '', /排水泵未到场/);
        await page.screenshot({ path: resolve(SCREENSHOTS, 'crew-phone-offline-start-390.png') });
        // The installed app opens at the manifest's start_url (/), not where it was left: the same kept day.
        await page.goto(`${ctx.stack.url}/`);
        await page.locator('[data-testid=kept-day]').waitFor();
        assert.match(new URL(page.url()).pathname, /\/crew$/);
        await page.waitForSelector(`[data-testid=today-task][data-task-id="${task.id}"][data-status=in_progress]`);
        await page.screenshot({ path: resolve(SCREENSHOTS, 'crew-phone-offline-start-url-390.png') });

        // Back online: the tap is sent and the server's day replaces the kept one.
        await context.setOffline(false);
        await page.locator('[data-testid=outbox-waiting]').waitFor({ state: 'detached', timeout: 30_000 });
        await page.locator('[data-testid=kept-day]').waitFor({ state: 'detached', timeout: 30_000 });
        assert.equal((await coordinator.get<TaskDto>(`tasks/${task.id}`)).status, 'in_progress');
        await page.waitForSelector(`[data-testid=today-task][data-task-id="${task.id}"][data-status=in_progress]`);

        // The lead also leads 电缆二班, whose task the server has as 未完成 today (reported from elsewhere):
        // picked on the phone, that crew stays on screen after a reload and in the app opened again offline.
        const second = lead.user.crewIds[1];
        assert.ok(second, 'the demo crew lead leads two crews');
        const secondTask = await crewTaskToday(coordinator, project, second, {
          title: '端到端：二班的电缆头制作',
          content: '制作并安装电缆终端头。',
          hours: ['15:00', '17:00'],
        });
        await lead.post('crew/reports', {
          taskId: secondTask.id,
          kind: 'not_done',
          reason: 'materials_missing',
          note: '终端头附件未到',
          clientKey: randomUUID(),
          tappedAt: new Date().toISOString(),
        });
        await page.selectOption('.pick select', second);
        const notDone = page.locator(
          `[data-testid=today-task][data-task-id="${secondTask.id}"][data-not-done=materials_missing]`,
        );
        await notDone.waitFor();
        await page.reload();
        await notDone.waitFor();
        assert.equal(await page.locator('.pick select').inputValue(), second);
        assert.match(
          (await notDone.locator('[data-testid=not-done-shown]').textContent()) ?? '',
          /材料未到.*终端头附件未到/,
        );
        await page.screenshot({ path: resolve(SCREENSHOTS, 'crew-phone-second-crew-reloaded-390.png') });
        await context.setOffline(true);
        await page.goto(`${ctx.stack.url}/`);
        await page.locator('[data-testid=kept-day]').waitFor();
        await notDone.waitFor();
        assert.equal(await page.locator('.pick select').inputValue(), second);
        await page.screenshot({ path: resolve(SCREENSHOTS, 'crew-phone-second-crew-offline-390.png') });
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );

  it(
    "a crew lead's 收到 made offline is queued with the taps and sent once back online; logout asks about what waits and leaves no kept day",
    { timeout: 240_000 },
    async () => {
      mkdirSync(PHONE_SHOTS, { recursive: true });
      const { coordinator, lead, project, crewId, today } = await signInBoth(ctx);
      const task = await crewTaskToday(coordinator, project, crewId, {
        title: '端到端：离线确认的管线探测',
        content: '探测施工范围内的既有管线。',
        hours: ['14:00', '16:00'],
      });
      // Today's notice for the crew (sent now); a new revision if an earlier scenario acknowledged it.
      await sendNoticesNow(coordinator, project.id, today);
      const latest = await lead.get<{ items: NoticeDto[] }>(`notices?crewId=${crewId}&date=${today}&latest=true`);
      assert.ok(latest.items[0], 'the run made a notice for the crew');
      const notice = latest.items[0].acknowledgedAt
        ? await coordinator.post<NoticeDto>(`notices/${latest.items[0].id}/resend`, {})
        : latest.items[0];
      assert.equal(notice.acknowledgedAt, null);
      const acknowledgedInDb = async () => {
        const db = new Client({ connectionString: ctx.stack.databaseUrl });
        await db.connect();
        try {
          const { rows } = await db.query('SELECT acknowledged_at, acknowledged_via FROM notices WHERE id = $1', [
            notice.id,
          ]);
          return rows[0] as { acknowledged_at: Date | null; acknowledged_via: string | null };
        } finally {
          await db.end();
        }
      };

      const { context, page, errors } = await newPage(ctx.browser);
      const ackPosts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && /\/api\/notices\/[^/]+\/acknowledge$/.test(request.url())) {
          ackPosts.push(request.url());
        }
      });
      try {
        await page.setViewportSize(PHONE);
        await logIn(page, ctx.stack.url, DEMO.contractor.username, DEMO.contractor.password);
        await page.waitForURL('**/crew');
        if ((await page.locator('.pick select').count()) > 0) await page.selectOption('.pick select', crewId);
        const card = page.locator(`[data-testid=notice][data-notice-id="${notice.id}"]`);
        await card.waitFor();
        const taskCard = page.locator(`[data-testid=today-task][data-task-id="${task.id}"]`);
        await taskCard.waitFor();
        const keptDays = () =>
          page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('ws.crew-day.')));
        await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('ws.crew-day.')));

        // No network: 收到 is queued like a tap — shown acknowledged and waiting, counted in 待发送.
        await context.setOffline(true);
        const tappedFrom = Date.now();
        await card.locator('[data-testid=acknowledge]').click();
        await page.waitForSelector(
          `[data-testid=notice][data-notice-id="${notice.id}"][data-state=acknowledged][data-waiting]`,
        );
        const waiting = page.locator('[data-testid=outbox-waiting]');
        await waiting.waitFor();
        assert.equal(await waiting.getAttribute('data-count'), '1');
        assert.match((await waiting.textContent()) ?? '', /待发送 1 条/);
        await card.scrollIntoViewIfNeeded();
        await page.screenshot({ path: resolve(PHONE_SHOTS, 'crew-ack-waiting-390.png') });
        assert.equal((await acknowledgedInDb()).acknowledged_at, null, 'nothing reached the server while offline');
        assert.deepEqual(ackPosts, [], 'no acknowledge request left the phone while offline');

        // Back online: the outbox sends it by itself, once, with the time of the tap.
        const onlineAt = Date.now();
        await context.setOffline(false);
        await waiting.waitFor({ state: 'detached', timeout: 30_000 });
        await page.waitForSelector(
          `[data-testid=notice][data-notice-id="${notice.id}"][data-state=acknowledged]:not([data-waiting])`,
        );
        const stored = await acknowledgedInDb();
        assert.ok(stored.acknowledged_at, 'the database has the acknowledgement');
        assert.equal(stored.acknowledged_via, 'session');
        const ackedAt = stored.acknowledged_at.getTime();
        assert.ok(ackedAt >= tappedFrom && ackedAt < onlineAt, 'the time of the tap, not of its arrival');
        assert.equal(
          (await lead.get<NoticeDto>(`notices/${notice.id}`)).acknowledgedAt,
          stored.acknowledged_at.toISOString(),
        );
        assert.equal(ackPosts.length, 1, 'the acknowledgement was sent exactly once');

        // A tap made offline, then logout: the phone asks before anything is dropped.
        await context.setOffline(true);
        await taskCard.locator('[data-testid=tap-started]').click();
        await waiting.waitFor();
        assert.equal(await waiting.getAttribute('data-count'), '1');
        assert.equal((await keptDays()).length, 1, 'the day is kept on the phone while signed in');
        await page.locator('[data-testid=logout]').click();
        const prompt = page.locator('[data-testid=logout-waiting]');
        await prompt.waitFor();
        assert.match((await prompt.textContent()) ?? '', /还有 1 条未发送/);
        await page.screenshot({ path: resolve(PHONE_SHOTS, 'crew-logout-prompt-390.png') });
        await prompt.locator('[data-testid=logout-send]').click();
        await prompt.locator('[data-testid=logout-still-waiting]').waitFor();
        assert.match((await prompt.textContent()) ?? '', /没有网络，仍有 1 条未发送/);
        await page.screenshot({ path: resolve(PHONE_SHOTS, 'crew-logout-still-waiting-390.png') });
        assert.equal((await coordinator.get<TaskDto>(`tasks/${task.id}`)).status, 'planned');

        // With network, "send now" sends the tap and logs out; nothing of the day stays on the phone.
        await context.setOffline(false);
        await prompt.locator('[data-testid=logout-send]').click();
        await page.waitForURL(/\/login/, { timeout: 30_000 });
        assert.equal((await coordinator.get<TaskDto>(`tasks/${task.id}`)).status, 'in_progress');
        assert.deepEqual(await keptDays(), [], 'logout removed the kept day');
        const left = await page.evaluate(() =>
          Object.entries(localStorage).filter(([key, value]) => key.startsWith('ws.crew-') && value !== '[]'),
        );
        assert.deepEqual(left, [], 'nothing of the crew is left on the phone');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    },
  );
}
