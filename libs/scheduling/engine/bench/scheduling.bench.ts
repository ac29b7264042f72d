/**
 * Scheduling engine benchmark: `npm run bench:scheduling` from the repository root.
 * Builds a 100,000-task / 150,000-link programme on the Chinese 2026–2027 calendar, then
 * times a full recompute and single-edit propagation and reports the engine's memory.
 */
import { DependencyType } from '@worksite/shared-domain';
import { ScheduleChange, SchedulingEngine, WorkingCalendar } from '../src';
import { CHINA_2026_2027 } from './china-calendar';
import { generateProject, prng, randomLink } from './project-generator';

const TASKS = 100_000;
const LINKS = 150_000;
const RECOMPUTE_RUNS = 15;
const EDITS = 3_000;

const gc = (globalThis as { gc?: () => void }).gc;

function collect(): void {
  if (!gc) return;
  for (let k = 0; k < 3; k++) gc();
}

function median(xs: number[]): number {
  return percentile(xs, 50);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function main(): void {
  if (!gc) console.warn('Run with --expose-gc for memory figures (the npm script does).');
  const { project, groups } = generateProject(TASKS, LINKS);
  const calendar = WorkingCalendar.compile(CHINA_2026_2027);
  console.log(`project: ${project.tasks.length} tasks, ${project.links.length} links`);

  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  let t0 = performance.now();
  const created = SchedulingEngine.create(project, calendar);
  const buildMs = performance.now() - t0;
  if (!created.ok) throw new Error(`project rejected: ${JSON.stringify(created.error)}`);
  const engine = created.engine;
  engine.recompute();
  collect();
  const engineHeap = process.memoryUsage().heapUsed - heapBefore;

  const recompute: number[] = [];
  for (let run = 0; run < 3 + RECOMPUTE_RUNS; run++) {
    t0 = performance.now();
    engine.recompute();
    if (run >= 3) recompute.push(performance.now() - t0);
  }
  t0 = performance.now();
  const result = engine.result();
  const resultMs = performance.now() - t0;
  const span = (result.projectFinish - result.projectStart) / 86_400_000;

  const rnd = prng(7);
  const ids = groups.flat();
  const linkIds = result.links.map((l) => l.id);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const byKind = new Map<string, number[]>();
  let moved = 0;
  const rejected: number[] = [];
  let nextLink = 0;
  for (let e = 0; e < EDITS + 200; e++) {
    const change = randomEdit(engine, rnd, pick, ids, linkIds, groups, () => `bench-link-${nextLink++}`);
    t0 = performance.now();
    const outcome = engine.apply(change);
    const ms = performance.now() - t0;
    if (!outcome.ok) {
      if (e >= 200) rejected.push(ms);
      continue;
    }
    if (change.kind === 'add-link') linkIds.push(change.link.id);
    if (e < 200) continue; // warm-up
    moved += outcome.moved.length;
    const list = byKind.get(change.kind) ?? [];
    list.push(ms);
    byKind.set(change.kind, list);
  }
  const edits = [...byKind.values()].flat();

  const drag: number[] = [];
  for (let d = 0; d < 300; d++) {
    const id = pick(ids);
    const task = engine.task(id);
    if (!task) continue;
    t0 = performance.now();
    for (let step = 1; step <= 5; step++)
      engine.preview({ kind: 'move-task', taskId: id, start: task.start + step * 3_600_000 });
    engine.discard();
    drag.push((performance.now() - t0) / 6);
  }
  // Heavy edits: delay the first task of a compound by a week, which pushes its whole chain.
  const heavy: number[] = [];
  let heavyMoved = 0;
  for (let c = 0; c < groups.length; c += 10) {
    const id = groups[c][0];
    const task = engine.task(id);
    if (!task) continue;
    t0 = performance.now();
    const outcome = engine.apply({ kind: 'move-task', taskId: id, start: task.start + 7 * 86_400_000 });
    heavy.push(performance.now() - t0);
    if (outcome.ok) heavyMoved += outcome.moved.length;
  }

  t0 = performance.now();
  engine.result();
  const lateAfterEditsMs = performance.now() - t0;

  collect();
  const rss = process.resourceUsage().maxRSS * 1024;
  console.log(`calendar: ${calendar.timeZone}, project span ${span.toFixed(0)} days`);
  console.log(`build (validate, index, order, forward pass): ${fmt(buildMs)}`);
  console.log(
    `full recompute (forward + backward + floats), median of ${RECOMPUTE_RUNS}: ${fmt(median(recompute))}  (min ${fmt(Math.min(...recompute))}, max ${fmt(Math.max(...recompute))})`,
  );
  console.log(`materialise ScheduleResult (objects for all tasks, links, violations): ${fmt(resultMs)}`);
  console.log(
    `single edit (${edits.length} edits): median ${fmt(median(edits))}, p95 ${fmt(percentile(edits, 95))}, max ${fmt(Math.max(...edits))}, avg ${(moved / edits.length).toFixed(1)} tasks moved`,
  );
  for (const [kind, list] of byKind) {
    console.log(
      `  ${kind.padEnd(14)} n=${String(list.length).padStart(4)}  median ${fmt(median(list))}  p95 ${fmt(percentile(list, 95))}`,
    );
  }
  if (rejected.length > 0) {
    console.log(
      `  rejected add-link (closes a cycle) n=${rejected.length}  median ${fmt(median(rejected))}  p95 ${fmt(percentile(rejected, 95))}`,
    );
  }
  console.log(
    `heavy edit (first task of a compound +7 days, n=${heavy.length}): median ${fmt(median(heavy))}, p95 ${fmt(percentile(heavy, 95))}, avg ${(heavyMoved / heavy.length).toFixed(0)} tasks moved`,
  );
  console.log(
    `drag preview step (preview ×5 + discard, per call): median ${fmt(median(drag))}, p95 ${fmt(percentile(drag, 95))}`,
  );
  console.log(`result() after edits (lazy backward pass + objects): ${fmt(lateAfterEditsMs)}`);
  console.log(`engine memory (heap delta after gc): ${gc ? mb(engineHeap) : 'n/a (no --expose-gc)'}`);
  console.log(`process peak RSS: ${mb(rss)}`);
}

function randomEdit(
  engine: SchedulingEngine,
  rnd: () => number,
  pick: <T>(xs: readonly T[]) => T,
  ids: readonly string[],
  linkIds: readonly string[],
  groups: readonly string[][],
  newLinkId: () => string,
): ScheduleChange {
  const r = rnd();
  if (r < 0.4) {
    const id = pick(ids);
    const task = engine.task(id);
    const start = (task ? task.start : 0) + Math.round((rnd() - 0.5) * 20) * 86_400_000;
    return { kind: 'move-task', taskId: id, start };
  }
  if (r < 0.65) return { kind: 'resize-task', taskId: pick(ids), duration: Math.round(30 + rnd() * 2400) };
  if (r < 0.8) {
    return {
      kind: 'update-link',
      linkId: pick(linkIds),
      lag: Math.round((rnd() - 0.3) * 960),
      type: pick(Object.values(DependencyType)),
    };
  }
  if (r < 0.9) {
    const g = pick(groups);
    const a = Math.floor(rnd() * (g.length - 1));
    const b = Math.min(g.length - 1, a + 1 + Math.floor(rnd() * 20));
    // Half of them point backwards: some close cycles (rejected), the rest reorder the graph.
    const [from, to] = rnd() < 0.5 ? [g[a], g[b]] : [g[b], g[a]];
    return { kind: 'add-link', link: randomLink(rnd, newLinkId(), from, to) };
  }
  return { kind: 'remove-link', linkId: pick(linkIds) };
}

main();
