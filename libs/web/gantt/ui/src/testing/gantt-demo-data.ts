import { DependencyType, TaskStatus } from '@worksite/shared-domain';
import type { GanttBar, GanttGroup, GanttLink, GanttRow, GanttShading } from '../lib/gantt.types';

/** Options for `generateGanttData`. */
export interface GanttDemoOptions {
  readonly tasks: number;
  readonly links: number;
  readonly groups?: number;
  /** First day (epoch ms, midnight Asia/Shanghai). */
  readonly start?: number;
  readonly seed?: number;
}

/** Generated chart inputs for tests and benchmarks. */
export interface GanttDemoData {
  readonly rows: GanttGroup[];
  readonly bars: GanttBar[];
  readonly links: GanttLink[];
  readonly shading: GanttShading[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2026-03-02 00:00 Asia/Shanghai, a Monday. */
export const DEMO_START = Date.UTC(2026, 2, 1, 16);
const COLORS = ['#f08c00', '#1c7ed6', '#2f9e44', '#e8590c', '#c2255c', '#5f3dc4', '#0c8599', '#868e96'];
const DEPARTMENTS = ['电力公司', '中国移动', '中国电信', '中国联通', '城建', '管网（水）', '管网（燃气）', '市容'];
const STATUSES = Object.values(TaskStatus);
const TYPES = [
  DependencyType.FS,
  DependencyType.FS,
  DependencyType.FS,
  DependencyType.SS,
  DependencyType.FF,
  DependencyType.SF,
];

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/**
 * A deterministic demo plan: `tasks` bars in `groups` department groups (one row per task,
 * working-hours starts over about half a year) and `links` dependencies, mostly between
 * nearby rows, plus nights, weekends, a holiday and an exam-day blackout.
 */
export function generateGanttData(options: GanttDemoOptions): GanttDemoData {
  const rnd = random(options.seed ?? 42);
  const start = options.start ?? DEMO_START;
  const groupCount = Math.max(1, options.groups ?? 20);
  const groups: { id: string; label: string; color: string; rows: GanttRow[] }[] = [];
  for (let g = 0; g < groupCount; g++) {
    const dept = DEPARTMENTS[g % DEPARTMENTS.length];
    groups.push({
      id: `g${g}`,
      label: `${dept} ${Math.floor(g / DEPARTMENTS.length) + 1}班组`,
      color: COLORS[g % COLORS.length],
      rows: [],
    });
  }
  const bars: GanttBar[] = [];
  const perGroup = Math.ceil(options.tasks / groupCount);
  for (let i = 0; i < options.tasks; i++) {
    const group = groups[Math.min(groupCount - 1, Math.floor(i / perGroup))];
    const id = `t${i}`;
    group.rows.push({ id, label: `任务 ${i} 八经街${(i % 40) + 1}号楼`, detail: `${(i % 6) + 1}单元` });
    const day = Math.floor((i / options.tasks) * 150 + rnd() * 20);
    const taskStart = start + day * DAY + (8 + Math.floor(rnd() * 4)) * HOUR;
    const r = rnd();
    const duration = r < 0.05 ? 0 : r < 0.6 ? (1 + Math.floor(rnd() * 4)) * HOUR : (1 + Math.floor(rnd() * 5)) * DAY;
    bars.push({
      id,
      rowId: id,
      start: taskStart,
      finish: taskStart + duration,
      label: `任务 ${i}`,
      color: group.color,
      status: STATUSES[Math.floor(rnd() * STATUSES.length)],
      progress: Math.floor(rnd() * 101),
      critical: rnd() < 0.1,
      manual: rnd() < 0.05,
      hasConflict: rnd() < 0.03,
    });
  }
  const links: GanttLink[] = [];
  const seen = new Set<string>();
  for (let guard = 0; links.length < options.links && guard < options.links * 4; guard++) {
    const a = Math.floor(rnd() * (options.tasks - 1));
    const b = Math.min(options.tasks - 1, a + 1 + Math.floor(rnd() < 0.95 ? rnd() * 20 : rnd() * 2000));
    const key = `${a}>${b}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    links.push({
      predecessorId: `t${a}`,
      successorId: `t${b}`,
      type: TYPES[Math.floor(rnd() * TYPES.length)],
      critical: rnd() < 0.1,
    });
  }
  return { rows: groups, bars, links, shading: demoShading(start, 200) };
}

/** Nights (18:00–08:00), weekends, the Qingming holiday and a blackout, for `days` days from `start`. */
export function demoShading(start: number, days: number): GanttShading[] {
  const shading: GanttShading[] = [];
  for (let d = 0; d < days; d++) {
    const day = start + d * DAY;
    const weekday = (d % 7) + 1;
    if (weekday === 6) {
      shading.push({ start: day - 6 * HOUR, finish: day + 2 * DAY + 8 * HOUR, kind: 'non-working' });
      continue;
    }
    if (weekday === 7) continue;
    if (weekday !== 1) shading.push({ start: day - 6 * HOUR, finish: day + 8 * HOUR, kind: 'non-working' });
    shading.push({ start: day + 12 * HOUR, finish: day + 14 * HOUR, kind: 'non-working' });
  }
  shading.push({ start: start + 33 * DAY, finish: start + 36 * DAY, kind: 'holiday', label: '清明节' });
  shading.push({ start: start + 98 * DAY, finish: start + 101 * DAY, kind: 'blackout', label: '中考' });
  return shading;
}
