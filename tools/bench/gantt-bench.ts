// `npm run bench:gantt`: the Gantt page of the real app with a generated project of 10,000
// tasks and 15,000 links, in headless Chromium. Starts a scratch stack (fresh database with
// the demo plus the generated project, api + worker on a free port), logs in, opens the page
// and prints (median and best of GANTT_RUNS loads, default 5): first complete render
// (navigation → bars painted, and the api's and the browser's parts of it), p95 frame time while
// scrolling, and the page's JS heap. `--screenshots` also writes docs/gantt.png and
// docs/day-plan.png from the demo project. Run through tools/ts-run.sh.
import { resolve } from 'node:path';
import { chromium, Page } from 'playwright-core';
import { ApiUser } from '../../apps/web-e2e/src/support/api';
import { assertPrerequisites, CHROMIUM, CHROMIUM_ARGS, ROOT, startStack } from '../../apps/web-e2e/src/support/stack';
import { insertGanttProject } from './gantt-project';
import { CHAIN, clickAndWait, dragChainHead, insertUndoChain, rememberDrag } from './gantt-undo';

const TASKS = Number(process.env['GANTT_TASKS'] ?? 10_000);
const LINKS = Number(process.env['GANTT_LINKS'] ?? 15_000);
const RUNS = Number(process.env['GANTT_RUNS'] ?? 5);
const SCREENSHOTS = process.argv.includes('--screenshots');

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const median = (values: number[]) => percentile(values, 0.5);

async function logIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=current-user]');
}

/** Opens the Gantt and reads the User Timing marks the page sets (ms since navigation start). */
async function openGantt(page: Page, url: string, projectId: string) {
  await page.goto(`${url}/projects/${projectId}/gantt`);
  await page.waitForFunction(() => performance.getEntriesByName('ws-gantt-painted').length > 0, null, {
    timeout: 120_000,
  });
  return page.evaluate(() => {
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const schedule = performance
      .getEntriesByType('resource')
      .find((e) => /\/api\/projects\/[^/]+\/schedule$/.test(e.name)) as PerformanceResourceTiming | undefined;
    return {
      painted: mark('ws-gantt-painted'),
      data: mark('ws-gantt-data'),
      scheduleRequest: schedule ? schedule.responseEnd - schedule.requestStart : NaN,
      scheduleBytes: schedule?.encodedBodySize ?? 0,
      scheduleDecodedBytes: schedule?.decodedBodySize ?? 0,
      bars: document.querySelectorAll('.chart [data-task-id]').length,
      // The task table beside the chart (shown by default), painted in the same frame.
      tableRows: document.querySelectorAll('[data-table-task]').length,
      arrows: document.querySelectorAll('path.link').length,
      elements: document.querySelectorAll('*').length,
    };
  });
}

/** Scrolls down and sideways for 240 frames and returns the frame-to-frame times. */
function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((done) => {
        const viewport = document.querySelector('ws-gantt-chart .viewport') as HTMLElement;
        const times: number[] = [];
        let last = performance.now();
        let n = 0;
        const step = (now: number) => {
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
}

/** Words typed into the filter box, one character at a time and back: each state is one sample. */
const TYPED = ['电缆敷设', '管沟', '验收', '表箱改接', '路面'];

/**
 * Typing in the Gantt's search box: for each state of the box (as typed letter by letter), the
 * time from applying the filter (Enter skips the 100 ms debounce) to the next frame with the
 * rows updated. The first sample is cold (the search index is built then), the rest warm.
 */
function filterTyping(page: Page): Promise<number[]> {
  const states = TYPED.flatMap((word) => {
    const prefixes = [...word].map((_, i) => word.slice(0, i + 1));
    return [...prefixes, ...prefixes.slice(0, -1).reverse(), ''];
  });
  return page.evaluate(async (texts) => {
    const input = document.querySelector('[data-testid=filter-text]') as HTMLInputElement;
    const times: number[] = [];
    for (const text of texts) {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const t0 = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      times.push(performance.now() - t0);
      await new Promise((done) => setTimeout(done, 30));
    }
    return times;
  }, states);
}

/** The demo project's Gantt (critical path on) and tomorrow's day plan after a "send now". */
async function screenshots(page: Page, url: string): Promise<string[]> {
  const api = await ApiUser.login(url, 'zhenhongbo', 'demo-coordinator-2026');
  const projects = await api.get<{ items: { id: string; code: string }[] }>('projects');
  const demo = projects.items.find((p) => p.code === 'HPXC-FXRD');
  if (!demo) throw new Error('the demo project is missing');
  const sent = await api.post<{ run: { id: string } }>('notice-runs', { projectId: demo.id });
  await api.waitFor(
    () => api.get<{ status: string }>(`notice-runs/${sent.run.id}`),
    (run) => run.status === 'completed',
    90_000,
  );
  await logIn(page, url, 'zhenhongbo', 'demo-coordinator-2026');
  // Grouped by compound, scrolled to the first task of the next working morning, critical path on.
  const schedule = await api.get<{ tasks: { id: string; plannedStart: string; status: string }[] }>(
    `projects/${demo.id}/schedule`,
  );
  const next = schedule.tasks
    .filter((t) => Date.parse(t.plannedStart) > Date.now() && t.status !== 'done')
    .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart))[0];
  await page.goto(`${url}/projects/${demo.id}/gantt${next ? `?task=${next.id}` : ''}`);
  await page.waitForSelector('[data-task-id]');
  await page.selectOption('[data-testid=grouping]', 'location');
  await page.check('.bar input[type=checkbox]');
  await page.waitForTimeout(800);
  const gantt = resolve(ROOT, 'docs/gantt.png');
  await page.screenshot({ path: gantt });
  await page.goto(`${url}/projects/${demo.id}/day-plan`);
  await page.waitForSelector('[data-testid=crew-group]');
  await page.waitForSelector('[data-testid=run-status]');
  await page.waitForTimeout(800);
  const dayPlan = resolve(ROOT, 'docs/day-plan.png');
  await page.screenshot({ path: dayPlan });
  return [gantt, dayPlan];
}

async function main(): Promise<void> {
  assertPrerequisites();
  let generated: { projectId: string; tasks: number; links: number } | null = null;
  let chain: string[] = [];
  const started = Date.now();
  // No worker: its night-run scheduler and watchdog would compete for the CPU with the page.
  const stack = await startStack({
    worker: false,
    prepare: async (databaseUrl) => {
      generated = await insertGanttProject(databaseUrl, { tasks: TASKS, links: LINKS });
      chain = await insertUndoChain(databaseUrl, generated.projectId);
    },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    if (!generated) throw new Error('the generated project was not inserted');
    const project = generated as { projectId: string; tasks: number; links: number };
    console.error(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s; measuring…`);
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await logIn(page, stack.url, 'admin', 'demo-guanliyuan-2026');
    // A warm-up load (server caches, JIT), then RUNS measured loads: the median is the figure,
    // the best shows the cost without other processes taking the CPU.
    const cold = await openGantt(page, stack.url, project.projectId);
    if (cold.tableRows === 0) throw new Error('the task table is not shown beside the chart');
    const loads = [];
    for (let run = 0; run < RUNS; run++) loads.push(await openGantt(page, stack.url, project.projectId));
    await page.waitForTimeout(1000);
    // Several scroll passes of 240 frames each (down and sideways from the top); the p95 of
    // every pass is kept and the median pass reported, so one hiccup of a shared machine does
    // not decide the figure.
    const passes: number[][] = [];
    for (let pass = 0; pass < RUNS; pass++) {
      await page.evaluate(() => {
        const viewport = document.querySelector('ws-gantt-chart .viewport') as HTMLElement;
        viewport.scrollTop = 0;
        viewport.scrollLeft = 0;
      });
      await page.waitForTimeout(500);
      passes.push(await scrollFrames(page));
    }
    const p95s = passes.map((frames) => percentile(frames, 0.95));
    const frames = passes[p95s.indexOf(median(p95s))];
    // Typing in the filter box, on a freshly loaded page (cold: the first keystroke builds the index).
    await openGantt(page, stack.url, project.projectId);
    await page.waitForTimeout(1000);
    const typing = await filterTyping(page);
    const warmTyping = typing.slice(1);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    // Undo of a drag that pushed CHAIN tasks (gantt-undo.ts): 撤销 clicked → chart updated.
    const admin = await ApiUser.login(stack.url, 'admin', 'demo-guanliyuan-2026');
    const chainEnd = async () => (await admin.get<{ plannedStart: string }>(`tasks/${chain[CHAIN - 1]}`)).plannedStart;
    const lastBefore = await chainEnd();
    await rememberDrag(page, admin.user.id, project.projectId, await dragChainHead(stack.url, admin.token, chain[0]));
    if ((await chainEnd()) === lastBefore) throw new Error('the drag of the chain head did not push the chain');
    await openGantt(page, stack.url, project.projectId);
    await page.waitForSelector('[data-testid=undo]:not([disabled])');
    const undoCold = await clickAndWait(page, 'undo');
    if ((await chainEnd()) !== lastBefore) throw new Error('the undo did not bring the chain back');
    await page.waitForSelector('[data-testid=redo]:not([disabled])');
    await clickAndWait(page, 'redo');
    await page.waitForSelector('[data-testid=undo]:not([disabled])');
    const undoWarm = await clickAndWait(page, 'undo');
    const lastLoad = loads[loads.length - 1];
    const result = {
      tasks: project.tasks,
      links: project.links,
      firstCompleteRenderMs: Math.round(median(loads.map((l) => l.painted))),
      firstCompleteRenderMinMs: Math.round(Math.min(...loads.map((l) => l.painted))),
      firstCompleteRenderRunsMs: loads.map((l) => Math.round(l.painted)),
      // Of which: the api's answer for the schedule (request sent → last byte) …
      scheduleRequestMs: Math.round(median(loads.map((l) => l.scheduleRequest))),
      scheduleRequestMinMs: Math.round(Math.min(...loads.map((l) => l.scheduleRequest))),
      // … and the browser's work from the parsed payload to the painted chart.
      renderAfterDataMs: Math.round(median(loads.map((l) => l.painted - l.data))),
      renderAfterDataMinMs: Math.round(Math.min(...loads.map((l) => l.painted - l.data))),
      scheduleJsonMb: +(lastLoad.scheduleDecodedBytes / 1048576).toFixed(1),
      scrollFrames: frames.length,
      scrollP50Ms: +percentile(frames, 0.5).toFixed(1),
      scrollP95Ms: +percentile(frames, 0.95).toFixed(1),
      scrollP95PassesMs: p95s.map((v) => +v.toFixed(1)),
      scrollMaxMs: +Math.max(...frames).toFixed(1),
      heapUsedMb: +(heap.usedSize / 1048576).toFixed(1),
      filterColdMs: +typing[0].toFixed(1),
      filterWarmP50Ms: +percentile(warmTyping, 0.5).toFixed(1),
      filterWarmP95Ms: +percentile(warmTyping, 0.95).toFixed(1),
      filterSamples: typing.length,
      rendered: {
        bars: lastLoad.bars,
        tableRows: lastLoad.tableRows,
        arrows: lastLoad.arrows,
        elements: lastLoad.elements,
      },
      undoTasks: CHAIN,
      undoColdMs: Math.round(undoCold.totalMs),
      undoCold,
      undoWarmMs: Math.round(undoWarm.totalMs),
      undoWarm,
    };
    await context.close();
    if (SCREENSHOTS) {
      // A stack of its own with the worker, which sends the day's notices for the day plan.
      const demo = await startStack();
      try {
        const shots = await browser.newContext({ viewport: { width: 1500, height: 860 }, locale: 'zh-CN' });
        const files = await screenshots(await shots.newPage(), demo.url);
        console.error(`screenshots: ${files.join(', ')}`);
        await shots.close();
      } finally {
        await demo.stop();
      }
    }
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `first complete render ${result.firstCompleteRenderMs} ms from navigation ` +
        `(api ${result.scheduleRequestMs} ms for ${result.scheduleJsonMb} MB; data → painted ${result.renderAfterDataMs} ms; target ≤ 500), ` +
        `scroll p95 ${result.scrollP95Ms} ms (target ≤ 20), heap ${result.heapUsedMb} MB (target ≤ 200)`,
    );
    // Filter box → rows updated (target p95 ≤ 50 ms), as `name value unit`.
    // Navigation → task table and chart painted (the first load after login, then the median).
    console.log(`gantt_table_chart_painted_cold ${Math.round(cold.painted)} ms`);
    console.log(`gantt_table_chart_painted_warm ${result.firstCompleteRenderMs} ms`);
    console.log(`gantt_filter_typing_cold ${result.filterColdMs} ms`);
    console.log(`gantt_filter_typing_warm_p95 ${result.filterWarmP95Ms} ms`);
    // Undo of a drag that moved CHAIN tasks: click → chart updated (target ≤ 300 ms).
    console.log(`gantt_undo_drag_${CHAIN}_cold ${result.undoColdMs} ms`);
    console.log(`gantt_undo_drag_${CHAIN}_warm ${result.undoWarmMs} ms`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
