import { parseDuration } from '@worksite/plan-notation';
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { ApiUser, DEMO } from '../support/api';
import { logIn, newPage } from '../support/browser';
import { ROOT } from '../support/stack';
import type { E2eContext } from '../main.e2e';

const ADMIN = DEMO.admin;
const SCREENSHOTS = resolve(ROOT, 'dist/e2e-screenshots');

interface Page_<T> {
  items: T[];
}
type Row = { id: string; version: number; name: string } & Record<string, unknown>;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Fills and saves the open form whose fields have ids `${form}-${key}`. */
async function fillForm(page: Page, form: string, values: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    const selector = `#${form}-${key}`;
    const tag = await page.locator(selector).evaluate((element) => element.tagName);
    if (tag === 'SELECT') await page.selectOption(selector, { label: value });
    else await page.fill(selector, value);
  }
}

async function save(page: Page, form: string): Promise<void> {
  await page.click(`[data-testid=${form}] [data-testid=save]`);
  await page.locator(`[data-testid=${form}]`).waitFor({ state: 'detached' });
}

/** The page is no wider than the phone: nothing scrolls sideways. */
async function fitsPhone(page: Page, what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${what} fits 390 px (is ${width} px wide)`);
}

export function coordinatorSetup(ctx: E2eContext): void {
  it(
    'a coordinator sets up a new project end to end in the browser; an administrator manages its accounts',
    { timeout: 240_000 },
    async () => {
      const suffix = String(Date.now()).slice(-6);
      const names = {
        department: `试点供电所${suffix}`,
        contractor: `试点电力工程${suffix}`,
        crew: `试点电缆班${suffix}`,
        compound: `试点小区${suffix}`,
        building: '1号楼',
        unit: '2单元',
        calendar: `试点日历${suffix}`,
        project: `试点飞线入地${suffix}`,
        code: `SD-${suffix}`,
        email: `crew-${suffix}@example.com`,
        step: `试点表箱改接${suffix}`,
      };
      const start = day(14);
      const holiday = day(16);
      const api = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);

      const { context, page, errors } = await newPage(ctx.browser);
      try {
        await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
        await page.click('nav a[href="/setup"]');
        await page.waitForURL('**/setup/departments');

        // Department, then a change by someone else meanwhile: the 409 keeps what was typed.
        await page.click('[data-testid=new-department]');
        await fillForm(page, 'department-form', { name: names.department, kind: '供电' });
        await save(page, 'department-form');
        const departmentRow = page.locator('[data-testid=department-row]', { hasText: names.department });
        await departmentRow.waitFor();
        await departmentRow.locator('[data-testid=edit]').click();
        await page.fill('#department-form-contactName', '张工');
        const [stored] = (await api.get<Page_<Row>>(`departments?q=${encodeURIComponent(names.department)}`)).items;
        await api.patch(`departments/${stored.id}`, { contactPhone: '13900000000', version: stored.version });
        await page.click('[data-testid=department-form] [data-testid=save]');
        const message = page.locator('[data-testid=department-form] [data-testid=form-message]');
        await message.waitFor();
        assert.match((await message.textContent()) ?? '', /别人修改/);
        assert.equal(await page.inputValue('#department-form-contactName'), '张工', 'what was typed is kept');
        await page.click('[data-testid=department-form] [data-testid=load-stored]');
        await message.filter({ hasText: '已加载当前版本' }).waitFor();
        assert.equal(
          await page.inputValue('#department-form-contactPhone'),
          '13900000000',
          'the other change is taken in',
        );
        await save(page, 'department-form');
        const department = await api.get<Row>(`departments/${stored.id}`);
        assert.equal(department['contactName'], '张工');
        assert.equal(department['contactPhone'], '13900000000', "someone else's change survives");

        // Contractor and crew, with an e-mail channel (a wrong address is refused in the browser first).
        await page.click('[data-testid=setup-tab-contractors]');
        await page.click('[data-testid=new-contractor]');
        await fillForm(page, 'contractor-form', { name: names.contractor, departmentId: names.department });
        await save(page, 'contractor-form');
        await page.locator('[data-testid=contractor-row]', { hasText: names.contractor }).waitFor();

        await page.click('[data-testid=setup-tab-crews]');
        await page.click('[data-testid=new-crew]');
        await fillForm(page, 'crew-form', { name: names.crew, contractorId: names.contractor, leaderName: '李班长' });
        await save(page, 'crew-form');
        const crewRow = page.locator('[data-testid=crew-row]', { hasText: names.crew });
        await crewRow.locator('[data-testid=open-channels]').click();
        const channels = page.locator('[data-testid=crew-channels]');
        await channels.locator('[data-testid=new-channel]').click();
        await page.fill('#channel-form-address', 'not-an-address');
        await page.click('[data-testid=channel-form] [data-testid=save]');
        assert.match((await page.textContent('#channel-form-address-errors')) ?? '', /电子邮箱/);
        await page.fill('#channel-form-address', names.email);
        await save(page, 'channel-form');
        await channels.locator('[data-testid=channel-row]', { hasText: names.email }).waitFor();

        // Compound → building → unit, each added under its parent.
        await page.click('[data-testid=setup-tab-locations]');
        await page.click('[data-testid=new-location]');
        await fillForm(page, 'location-form', { name: names.compound, households: '120' });
        await save(page, 'location-form');
        const compound = page.locator('[data-testid=location-node][data-kind=compound]', { hasText: names.compound });
        await compound.locator('[data-testid=add-child]').first().click();
        await fillForm(page, 'location-form', { name: names.building });
        await save(page, 'location-form');
        const building = compound.locator('[data-testid=location-node][data-kind=building]', {
          hasText: names.building,
        });
        await building.locator('[data-testid=add-child]').first().click();
        await fillForm(page, 'location-form', { name: names.unit });
        await save(page, 'location-form');
        await building.locator('[data-testid=location-node][data-kind=unit]', { hasText: names.unit }).waitFor();

        // A calendar (the default week with its noon break), a holiday and an exam blackout.
        await page.click('[data-testid=setup-tab-calendars]');
        await page.click('[data-testid=new-calendar]');
        assert.match((await page.textContent('[data-testid=weekly-windows]')) ?? '', /午休 12:00–14:00/);
        await fillForm(page, 'calendar-form', { name: names.calendar });
        await save(page, 'calendar-form');
        await page
          .locator('[data-testid=calendar-row]', { hasText: names.calendar })
          .locator('[data-testid=open-calendar-days]')
          .click();
        const days = page.locator('[data-testid=calendar-days]');
        await days.locator('[data-testid=new-exception]').click();
        await fillForm(page, 'exception-form', { date: holiday, name: '试点节日' });
        await save(page, 'exception-form');
        await days.locator('[data-testid=exception-row]', { hasText: holiday }).waitFor();
        await days.locator('[data-testid=new-blackout]').click();
        await fillForm(page, 'blackout-form', {
          startsAt: `${day(20)}T07:00`,
          endsAt: `${day(21)}T18:00`,
          reason: '中考',
        });
        await save(page, 'blackout-form');
        const blackoutText = (await days.locator('[data-testid=blackout-row]').first().textContent()) ?? '';
        assert.equal(
          (blackoutText.match(/\d+月\d+日/g) ?? []).length,
          2,
          `a range over two days shows both dates: ${blackoutText}`,
        );

        // A standard work step: its usual duration typed as a planner says it, materials one a line.
        await page.click('[data-testid=setup-tab-work-steps]');
        await page.click('[data-testid=new-work-step]');
        await fillForm(page, 'work-step-form', {
          name: names.step,
          departmentId: names.department,
          durationMinutes: '三斤半',
        });
        await page.click('[data-testid=work-step-form] [data-testid=save]');
        assert.match((await page.textContent('#work-step-form-durationMinutes-errors')) ?? '', /无法识别的工期/);
        await fillForm(page, 'work-step-form', {
          durationMinutes: '1天4小时',
          materials: '动力电缆YJV22-4×35 135 米\n表箱 2 个',
          tools: '绝缘手套\n验电器',
          safetyNotes: '停电、验电、挂接地线后方可作业。',
        });
        await save(page, 'work-step-form');
        const stepRow = page.locator('[data-testid=work-step-row]', { hasText: names.step });
        assert.match((await stepRow.textContent()) ?? '', /1天4小时/);

        // The project on that calendar, and its (empty) Gantt.
        await page.click('[data-testid=setup-tab-projects]');
        await page.click('[data-testid=new-project]');
        await fillForm(page, 'project-form', {
          code: names.code,
          name: names.project,
          calendarId: names.calendar,
          startDate: start,
        });
        await save(page, 'project-form');
        const projectRow = page.locator('[data-testid=project-row]', { hasText: names.code });
        await projectRow.locator('[data-testid=open-gantt]').click();
        await page.waitForURL(/\/projects\/[0-9a-f-]+\/gantt$/);
        await page.waitForSelector('[data-testid=grouping]');

        // The first task of the project, made from that work step.
        await page.click('[data-testid=new-task-button]');
        await page.waitForSelector('[data-testid=new-task-dialog]');
        await page.selectOption('[data-testid=work-step]', { label: names.step });
        assert.equal(await page.inputValue('[data-testid=dialog-title]'), names.step);
        // The step's 12 working hours, written as the project's days (8 h) and hours: "1天4小时".
        assert.deepEqual(parseDuration(await page.inputValue('[data-testid=dialog-hours]'), 480), {
          ok: true,
          minutes: 12 * 60,
        });
        await page.click('[data-testid=create-task]');
        await page.waitForSelector('[data-testid=gantt-notice][data-kind=saved]');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }

      // Everything is stored as set up, linked as chosen.
      const find = async (path: string, name: string) => {
        const found = (await api.get<Page_<Row>>(`${path}?q=${encodeURIComponent(name)}`)).items;
        assert.equal(found.length, 1, `${path} holds ${name}`);
        return found[0];
      };
      const department = await find('departments', names.department);
      const contractor = await find('contractors', names.contractor);
      assert.equal(contractor['departmentId'], department.id);
      const crew = await find('crews', names.crew);
      assert.equal(crew['contractorId'], contractor.id);
      assert.equal(crew['departmentId'], department.id, "a crew takes its contractor's department");
      const channels = await api.get<Page_<Row>>(`crew-channels?crewId=${crew.id}`);
      assert.deepEqual(
        channels.items.map((channel) => [channel['kind'], channel['address']]),
        [['email', names.email]],
      );
      const compound = await find('locations', names.compound);
      assert.equal(compound['households'], 120);
      const [building] = (await api.get<Page_<Row>>(`locations?parentId=${compound.id}`)).items;
      assert.equal(building.name, names.building);
      const [unit] = (await api.get<Page_<Row>>(`locations?parentId=${building.id}`)).items;
      assert.deepEqual([unit.name, unit['kind']], [names.unit, 'unit']);
      const calendar = await find('calendars', names.calendar);
      const exceptions = await api.get<Page_<Row>>(`calendar-exceptions?calendarId=${calendar.id}`);
      assert.deepEqual(
        exceptions.items.map((item) => [item['date'], item['kind']]),
        [[holiday, 'holiday']],
      );
      const blackouts = await api.get<Page_<Row>>(`blackout-windows?calendarId=${calendar.id}`);
      assert.equal(blackouts.items.length, 1);
      const project = await find('projects', names.code);
      assert.equal(project['calendarId'], calendar.id);
      assert.equal(project['startDate'], start);
      const step = await find('work-steps', names.step);
      assert.deepEqual(
        [step['durationMinutes'], step['departmentId'], step['materials'], step['tools']],
        [
          720,
          department.id,
          [
            { name: '动力电缆YJV22-4×35', quantity: 135, unit: '米' },
            { name: '表箱', quantity: 2, unit: '个' },
          ],
          ['绝缘手套', '验电器'],
        ],
      );
      const [fromStep] = (await api.get<Page_<Row>>(`tasks?projectId=${project.id}`)).items;
      assert.deepEqual(
        [fromStep?.['title'], fromStep?.['durationMinutes'], fromStep?.['tools'], fromStep?.['safetyNotes']],
        [names.step, 720, ['绝缘手套', '验电器'], '停电、验电、挂接地线后方可作业。'],
        'the task is filled from the work step',
      );
      const again = await ApiUser.login(ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
      assert.ok(again.user.projectIds.includes(project.id), 'the coordinator who created it coordinates it');

      await phoneScreens(ctx, names.crew);
      await adminAccounts(ctx, project.id, names.code);
    },
  );
}

/** The setup screens at 390 px in Chinese: nothing scrolls sideways; screenshots for a look. */
async function phoneScreens(ctx: E2eContext, crewName: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { context, page, errors } = await newPage(ctx.browser);
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, ctx.stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
    await page.goto(`${ctx.stack.url}/setup/locations`);
    await page.locator('[data-testid=location-node]').first().waitFor();
    await fitsPhone(page, 'the locations tree');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'setup-locations-390.png'), fullPage: true });

    await page.click('[data-testid=setup-tab-crews]');
    await page.fill('[data-testid=crew-search]', crewName);
    await page.locator('[data-testid=crew-row]', { hasText: crewName }).locator('[data-testid=open-channels]').click();
    await page.locator('[data-testid=channel-row]').first().waitFor();
    await page.click('[data-testid=crew-channels] [data-testid=new-channel]');
    await fitsPhone(page, 'the crews and their channels');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'setup-crews-390.png'), fullPage: true });

    await page.click('[data-testid=setup-tab-calendars]');
    await page.click('[data-testid=new-calendar]');
    await page.locator('[data-testid=weekly-windows]').waitFor();
    await fitsPhone(page, 'the calendar form');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'setup-calendar-390.png'), fullPage: true });

    // The same screens in English, through the language switch.
    await page.selectOption('.ws-language select', 'en');
    await page.locator('[data-testid=setup-tab-calendars]', { hasText: 'Calendars' }).waitFor();
    assert.match((await page.textContent('[data-testid=weekly-windows]')) ?? '', /Break 12:00–14:00/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'setup-calendar-390-en.png'), fullPage: true });
    await page.selectOption('.ws-language select', 'zh-CN');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

/** An administrator: the last admin cannot be deactivated (said in words); a new coordinator for the project. */
async function adminAccounts(ctx: E2eContext, projectId: string, code: string): Promise<void> {
  const admin = await ApiUser.login(ctx.stack.url, ADMIN.username, ADMIN.password);
  const username = `gong-${code.toLowerCase()}`;
  const { context, page, errors } = await newPage(ctx.browser);
  try {
    await logIn(page, ctx.stack.url, ADMIN.username, ADMIN.password);
    await page.click('nav a[href="/setup"]');
    await page.click('[data-testid=setup-tab-users]');
    const adminRow = page
      .locator('[data-testid=user-row]')
      .filter({ has: page.locator('td', { hasText: /^\s*admin\s*$/ }) });
    await adminRow.locator('[data-testid=open-account]').click();
    await page.click('[data-testid=toggle-active]');
    const refusal = (await page.locator('[data-testid=account-refused]').textContent()) ?? '';
    assert.match(refusal, /管理员/, `the last admin refusal in words: ${refusal}`);
    const me = await admin.get<{ active: boolean }>(`users/${admin.user.id}`);
    assert.equal(me.active, true);

    await page.click('[data-testid=new-user]');
    const form = page.locator('[data-testid=user-form]');
    assert.match(
      (await form.locator('.ws-hint').first().textContent()) ?? '',
      /不能是常见密码/,
      'the rule shows before sending',
    );
    await fillForm(page, 'user-form', { username, displayName: '龚协调', password: 'Password2026!' });
    await form.locator(`label:has-text("${code}") input`).check();
    await page.click('[data-testid=user-form] [data-testid=save]');
    assert.match((await page.textContent('#user-form-password-errors')) ?? '', /常见密码/);
    await page.fill('#user-form-password', 'shigong-xietiao-2026');
    await save(page, 'user-form');
    const newRow = page.locator('[data-testid=user-row]', { hasText: username });
    await newRow.waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await newRow.locator('[data-testid=open-account]').click();
    await page.click('[data-testid=reset-password]');
    await page.locator('[data-testid=password-form]').waitFor();
    await fitsPhone(page, 'the users and an account');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'setup-users-390.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  const [user] = (await admin.get<Page_<Row>>(`users?q=${username}`)).items;
  assert.equal(user['role'], 'coordinator');
  assert.deepEqual(user['projects'] ?? user['projectIds'], [projectId]);
  const login = await ApiUser.login(ctx.stack.url, username, 'shigong-xietiao-2026');
  assert.deepEqual(login.user.projectIds, [projectId]);
}
