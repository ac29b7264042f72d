// Measures the Gantt chart in headless Chromium: first render, frame times while scrolling,
// JS heap. Build first: `npx nx run web-gantt-ui:bench-build`, then
// `node libs/web/gantt/ui/bench/run-bench.mjs [chromium path]`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve('dist/libs/web/gantt/ui/bench/browser');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  try {
    const body = await readFile(join(root, path === '/' ? 'index.html' : path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'text/html' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const port = server.address().port;

const browser = await chromium.launch({ executablePath: process.argv[2] ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

try {
  await page.goto(`http://127.0.0.1:${port}/${process.env.GANTT_QUERY ?? '?tasks=10000&links=15000'}`);
  await page.waitForFunction(() => window.ganttBench, null, { timeout: 30_000 });
  const bench = await page.evaluate(() => window.ganttBench);
  const rendered = await page.evaluate(() => ({
    bars: document.querySelectorAll('[data-task-id]').length,
    links: document.querySelectorAll('path.link').length,
    elements: document.querySelectorAll('*').length,
  }));

  // Scroll down and sideways for 240 frames, recording frame-to-frame times.
  const frames = await page.evaluate(
    () =>
      new Promise((done) => {
        const viewport = document.querySelector('.viewport');
        const times = [];
        let last = performance.now();
        let n = 0;
        const step = (now) => {
          times.push(now - last);
          last = now;
          viewport.scrollTop += 90;
          if (n % 3 === 0) viewport.scrollLeft += 120;
          if (++n < 240) requestAnimationFrame(step);
          else done(times.slice(2));
        };
        requestAnimationFrame(step);
      }),
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const result = {
    firstRenderMs: Math.round(bench.firstRenderMs),
    tasks: bench.tasks,
    links: bench.links,
    rendered,
    scrollFrames: frames.length,
    scrollP50Ms: +percentile(frames, 0.5).toFixed(1),
    scrollP95Ms: +percentile(frames, 0.95).toFixed(1),
    scrollMaxMs: +Math.max(...frames).toFixed(1),
    heapUsedMb: +(heap.usedSize / 1048576).toFixed(1),
  };
  console.log(JSON.stringify(result, null, 2));
  if (process.env.GANTT_SCREENSHOT) {
    await page.evaluate(() => {
      const viewport = document.querySelector('.viewport');
      viewport.scrollTop = 0;
      viewport.scrollLeft = 0;
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: process.env.GANTT_SCREENSHOT });
  }
} finally {
  await browser.close();
  server.close();
}
