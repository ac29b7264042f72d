import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './stack';

/**
 * Chromium with a Chinese interface, as users in Shenyang run it: native date and time fields
 * read 2026/12/07 14:00, not 12/07/2026 02:00 PM (needs Debian's chromium-l10n; without it
 * Chromium falls back to en-US).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env: { ...process.env, LANGUAGE: 'zh_CN' } });
}

/** A fresh browser context (no cookies), in Chinese like a user in Shenyang, with page errors and CSP violations collected. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The api serves the app under a strict CSP (scripts only from self): any violation fails the test.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  page.setDefaultTimeout(15_000);
  return { context, page, errors };
}

/** Logs in through the login page and waits until the role's landing page shows. */
export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/login/);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.waitForSelector('[data-testid=current-user]');
}
