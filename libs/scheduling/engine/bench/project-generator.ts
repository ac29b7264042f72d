import { ConstraintType, DependencyType, SchedulingMode } from '@worksite/shared-domain';
import { LinkInput, ProjectInput, TaskInput } from '../src';
import { shanghai } from './china-calendar';

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface GeneratedProject {
  readonly project: ProjectInput;
  /** Task ids per work package, in creation order. */
  readonly groups: readonly string[][];
}

const TYPES = [DependencyType.FS, DependencyType.SS, DependencyType.FF, DependencyType.SF];

/**
 * A renovation programme shaped like the real thing: work packages of 100 tasks (one
 * trade's works in one compound: power, telecom, water…), ten packages per compound, the
 * compounds planned to start across 2026–2027. Dependencies are mostly inside a package
 * (short-range, like crews following each other) and some between the packages of the
 * same compound (power before telecom). Mixed link types (70% FS, 15% SS, 10% FF, 5% SF) and
 * lags (60% none, 25% positive, 15% negative).
 */
export function generateProject(taskCount: number, linkCount: number, seed = 42): GeneratedProject {
  const rnd = prng(seed);
  const groupSize = 100;
  const perCompound = 10;
  const groupCount = Math.ceil(taskCount / groupSize);
  const compounds = Math.ceil(groupCount / perCompound);
  const projectStart = shanghai('2026-01-05', '08:00');
  const span = shanghai('2027-01-31') - projectStart;
  const tasks: TaskInput[] = [];
  const groups: string[][] = [];
  for (let g = 0; g < groupCount; g++) {
    const ids: string[] = [];
    const compound = Math.floor(g / perCompound);
    const packageStart = projectStart + Math.floor((compound / compounds) * span) + (g % perCompound) * 7 * 86_400_000;
    for (let k = 0; k < groupSize && tasks.length < taskCount; k++) {
      const id = `t${g}-${k}`;
      ids.push(id);
      const r = rnd();
      const duration = r < 0.02 ? 0 : Math.round(30 + rnd() * rnd() * 2400);
      if (k === 0) {
        tasks.push({ id, duration, constraint: { type: ConstraintType.StartNoEarlierThan, at: packageStart } });
      } else if (r > 0.98) {
        const start = packageStart + Math.floor(rnd() * 30) * 86_400_000;
        tasks.push({ id, duration, mode: SchedulingMode.Manual, start });
      } else if (r > 0.96) {
        tasks.push({
          id,
          duration,
          constraint: { type: ConstraintType.StartNoEarlierThan, at: packageStart + rnd() * 40 * 86_400_000 },
        });
      } else if (r > 0.955) {
        tasks.push({
          id,
          duration,
          constraint: { type: ConstraintType.FinishNoLaterThan, at: packageStart + 60 * 86_400_000 },
        });
      } else if (r > 0.953) {
        tasks.push({
          id,
          duration,
          constraint: { type: ConstraintType.MustStartOn, at: packageStart + rnd() * 20 * 86_400_000 },
        });
      } else {
        tasks.push({ id, duration });
      }
    }
    groups.push(ids);
  }
  const links: LinkInput[] = [];
  const seen = new Set<string>();
  const addLink = (from: string, to: string) => {
    const key = `${from}>${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    links.push(randomLink(rnd, `l${links.length}`, from, to));
  };
  // Every task but the first of its package follows a recent task of the package.
  for (const ids of groups)
    for (let k = 1; k < ids.length; k++) addLink(ids[Math.max(0, k - 1 - Math.floor(rnd() * 8))], ids[k]);
  while (links.length < linkCount) {
    const g = Math.floor(rnd() * groupCount);
    const ids = groups[g];
    if (rnd() < 0.85) {
      const a = Math.floor(rnd() * (ids.length - 1));
      const b = Math.min(ids.length - 1, a + 1 + Math.floor(rnd() * 15));
      addLink(ids[a], ids[b]);
    } else {
      const last = Math.min(groupCount, (Math.floor(g / perCompound) + 1) * perCompound) - 1;
      const h = Math.min(last, g + 1 + Math.floor(rnd() * 3));
      if (h === g) continue;
      addLink(ids[Math.floor(rnd() * ids.length)], groups[h][Math.floor(rnd() * groups[h].length)]);
    }
  }
  return { project: { start: projectStart, tasks, links }, groups };
}

/** A link with a random type and lag (working minutes). */
export function randomLink(rnd: () => number, id: string, predecessorId: string, successorId: string): LinkInput {
  const r = rnd();
  const type = r < 0.7 ? TYPES[0] : r < 0.85 ? TYPES[1] : r < 0.95 ? TYPES[2] : TYPES[3];
  const q = rnd();
  const lag = q < 0.6 ? 0 : q < 0.85 ? Math.round(60 + rnd() * 1400) : -Math.round(30 + rnd() * 210);
  return { id, predecessorId, successorId, type, lag };
}
