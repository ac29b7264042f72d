// The undo part of `npm run bench:gantt`: a chain of CHAIN tasks (finish-to-start, back to back)
// added to the generated project; its head is moved by the API (the drag), which pushes all the
// others; the page then undoes it from its 撤销 button: click → chart updated, cold (the first
// undo after the page loaded) and warm (after a redo, the next undo).
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Page } from 'playwright-core';

export const CHAIN = 200;
const DAY = 86_400_000;
/** Monday 2031-01-06 08:00 in Shanghai: after the generated plan. */
const BASE = Date.parse('2031-01-06T00:00:00Z');

/** Inserts the chain into the project (as the generator does, with plain SQL); its task ids in order. */
export async function insertUndoChain(databaseUrl: string, projectId: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [crew] = (await client.query('SELECT id, department_id FROM crews ORDER BY name LIMIT 1')).rows;
    const ids = Array.from({ length: CHAIN }, () => randomUUID());
    const starts = ids.map((_, i) => new Date(BASE + i * DAY));
    await client.query(
      `INSERT INTO tasks (id, project_id, title, department_id, crew_id, planned_start, planned_finish,
                          start_date, finish_date, duration_minutes, constraint_type, constraint_at)
       SELECT u.id, $1, '撤销基准 ' || u.n, $2, $3, u.ps, u.ps + interval '4 hours',
              (u.ps AT TIME ZONE 'Asia/Shanghai')::date, (u.ps AT TIME ZONE 'Asia/Shanghai')::date, 240,
              'start_no_earlier_than', u.ps
         FROM unnest($4::uuid[], $5::timestamptz[], $6::int[]) AS u(id, ps, n)`,
      [projectId, crew.department_id, crew.id, ids, starts, ids.map((_, i) => i + 1)],
    );
    await client.query(
      `INSERT INTO dependencies (id, project_id, predecessor_id, successor_id, type, lag_minutes)
       SELECT gen_random_uuid(), $1, u.p, u.s, 'FS', 0 FROM unnest($2::uuid[], $3::uuid[]) AS u(p, s)`,
      [projectId, ids.slice(0, -1), ids.slice(1)],
    );
    return ids;
  } finally {
    await client.end();
  }
}

/** Moves the chain's head a year later through the API in a change set of its own (the drag). */
export async function dragChainHead(url: string, token: string, headId: string): Promise<string> {
  const call = async (method: string, path: string, body?: unknown, changeSet?: string) => {
    const response = await fetch(`${url}/api/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(changeSet ? { 'X-Change-Set': changeSet } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ version: number }>;
  };
  const head = await call('GET', `tasks/${headId}`);
  const changeSet = randomUUID();
  const later = new Date(BASE + 364 * DAY).toISOString();
  await call('PATCH', `tasks/${headId}`, { plannedStart: later, version: head.version }, changeSet);
  return changeSet;
}

/** Puts the drag into the page's undo history (kept for the tab), as if it had been made there. */
export async function rememberDrag(page: Page, userId: string, projectId: string, changeSetId: string): Promise<void> {
  await page.evaluate(
    ({ userId, projectId, changeSetId }) =>
      sessionStorage.setItem(
        'ws.changeHistory',
        JSON.stringify({
          undo: [{ changeSetId, projectId, label: { key: 'undo.label.move', params: { title: '撤销基准 1' } } }],
          redo: [],
          userId,
        }),
      ),
    { userId, projectId, changeSetId },
  );
}

/** What one undo (or redo) click cost: click → chart updated, and the requests it made on the way. */
export interface ClickTiming {
  totalMs: number;
  /** POST change-sets/:id/undo|redo, request → response end. */
  revertMs: number;
  /** Reloads of the schedule after it (request → response end, summed), and their bytes on the wire. */
  reloadMs: number;
  reloadBytes: number;
}

/** Clicks 撤销 (or 重做) and waits until the updated schedule is on screen. */
export function clickAndWait(page: Page, button: 'undo' | 'redo'): Promise<ClickTiming> {
  return page.evaluate(async (testId) => {
    const loaded = () => performance.getEntriesByName('ws-gantt-data').length;
    const before = loaded();
    const start = performance.now();
    (document.querySelector(`[data-testid=${testId}]`) as HTMLButtonElement).click();
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (loaded() > before) requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        else if (performance.now() - start > 60_000) reject(new Error(`no reload after ${testId}`));
        else setTimeout(check, 2);
      };
      check();
    });
    const totalMs = performance.now() - start;
    const after = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (e) => e.startTime >= start,
    );
    const revert = after.find((e) => /\/change-sets\/[^/]+\/(undo|redo)$/.test(e.name));
    const reloads = after.filter((e) => /\/schedule(\?|$)/.test(e.name));
    return {
      totalMs,
      revertMs: revert ? revert.responseEnd - revert.requestStart : NaN,
      reloadMs: reloads.reduce((sum, e) => sum + e.responseEnd - e.requestStart, 0),
      reloadBytes: reloads.reduce((sum, e) => sum + e.encodedBodySize, 0),
    };
  }, button);
}
