import type { ScheduledTaskDto } from '@worksite/shared-domain';
import { encodeSchedule, ScheduleSource, TASK_INSTANT_FIELDS } from './compact-schedule';
import { CompactColumns, compactScheduleText } from './compact-text';
import { BASE, iso, schedule, task } from '../testing/schedule-fixture';

/** A deterministic pseudo-random sequence (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The schedule with the tasks' instants as epoch ms, as the server has them. */
function asMs(source: ScheduleSource): ScheduleSource {
  return {
    ...source,
    tasks: source.tasks.map((row) => {
      const copy: Record<string, unknown> = { ...row };
      for (const field of TASK_INSTANT_FIELDS) {
        const value = row[field];
        copy[field] = typeof value === 'string' ? Date.parse(value) : value;
      }
      return copy as unknown as ScheduleSource['tasks'][number];
    }),
  };
}

/** One edit of the kinds a revision brings; changed rows are new objects, the others stay the same. */
function edited(source: ScheduleSource, next: () => number): ScheduleSource {
  const tasks = [...source.tasks];
  const pick = () => Math.floor(next() * tasks.length);
  const change = (i: number, fields: Partial<Record<keyof ScheduledTaskDto, unknown>>) => {
    tasks[i] = { ...tasks[i], ...fields } as ScheduleSource['tasks'][number];
  };
  let dependencies = source.dependencies;
  const kind = Math.floor(next() * 9);
  const i = pick();
  const row = tasks[i] as unknown as Record<string, number | string | boolean | null | unknown[]>;
  switch (kind) {
    case 0: // a title (and the version and time of the write)
      change(i, { title: `改 ${next()}`, version: (row['version'] as number) + 1, updatedAt: Date.now() });
      break;
    case 1: // pushed: the start alone, which the finish is written relative to
      change(i, { plannedStart: (row['plannedStart'] as number) + 3_600_000 });
      break;
    case 2: // a new value in a dictionary column, and a flag
      change(i, { status: 'done', critical: !row['critical'] });
      break;
    case 3: // the same content in new arrays: nothing to encode again, but nothing wrong either
      change(i, { materials: [...(row['materials'] as unknown[])], tools: [...(row['tools'] as unknown[])] });
      break;
    case 4: // another material in the list
      change(i, { materials: [...(row['materials'] as unknown[]), { name: '接头', quantity: 2, unit: '个' }] });
      break;
    case 5: // several tasks rescheduled by the engine
      for (let n = 0; n < 5; n++) {
        const j = pick();
        const start = (tasks[j] as unknown as Record<string, number>)['earlyStart'] + 60_000 * (n + 1);
        change(j, { earlyStart: start, lateStart: start, totalFloatMinutes: n });
      }
      break;
    case 6: // two tasks change places (a task's index is what links refer to)
      [tasks[i], tasks[(i + 1) % tasks.length]] = [tasks[(i + 1) % tasks.length], tasks[i]];
      break;
    case 7: // a new link, then the same links as new rows
      dependencies = [...dependencies, { ...dependencies[0], id: `k-new-${next()}`, successorId: tasks[i].id }];
      break;
    case 8: // a task added at the end
      tasks.push({ ...asMs({ ...source, tasks: [task(tasks.length + 1000)] }).tasks[0] });
      break;
  }
  return { ...source, tasks, dependencies, projectFinish: iso(BASE + next() * 1e9) };
}

describe('compact schedule text', () => {
  it('is the JSON of encodeSchedule, with ISO or epoch-ms instants', () => {
    const original = schedule(500);
    expect(compactScheduleText(original).json).toBe(JSON.stringify(encodeSchedule(original)));
    expect(compactScheduleText(asMs(original)).json).toBe(JSON.stringify(encodeSchedule(asMs(original))));
  });

  it('made from an earlier revision, is still exactly the JSON of encodeSchedule (300 random edits in a row)', () => {
    const next = random(16);
    let source = asMs(schedule(400));
    let columns: CompactColumns = compactScheduleText(source).columns;
    const kinds = new Set<number>();
    for (let n = 0; n < 300; n++) {
      const later = edited(source, next);
      const text = compactScheduleText(later, columns);
      expect(text.json).toBe(JSON.stringify(encodeSchedule(later)));
      kinds.add(later.tasks.length - source.tasks.length);
      source = later;
      columns = text.columns;
    }
    // Some edits added a task (another count: everything encoded again), most did not.
    expect([...kinds].sort()).toEqual([0, 1]);
  });

  it('takes a column as it was when the changed tasks have the same values in it, and what it is written relative to', () => {
    const source = asMs(schedule(50));
    const before = compactScheduleText(source).columns;
    // Marked columns: where the text is kept, the mark shows in the answer.
    const marked: CompactColumns = {
      ...before,
      taskColumns: new Map([...before.taskColumns].map(([field]) => [field, `"kept ${field}"`])),
      linkColumns: '"kept links"',
    };
    const tasks = [...source.tasks];
    tasks[7] = { ...tasks[7], title: '新标题', plannedStart: (tasks[7].plannedStart as number) + 60_000 };
    const { json } = compactScheduleText({ ...source, tasks }, marked);
    const kept = (field: string) => json.includes(`"${field}":"kept ${field}"`);
    expect(kept('title')).toBe(false);
    expect(kept('plannedStart')).toBe(false);
    // The finish is written relative to the start, and so are the early start and the constraint.
    expect(kept('plannedFinish')).toBe(false);
    expect(kept('earlyStart')).toBe(false);
    expect(kept('constraintAt')).toBe(false);
    expect(kept('content')).toBe(true);
    expect(kept('lateStart')).toBe(true);
    expect(kept('status')).toBe(true);
    expect(json).toContain('"columns":"kept links"');
    // Another order of the same tasks: the links (task indexes) are encoded again.
    const swapped = [...source.tasks];
    [swapped[0], swapped[1]] = [swapped[1], swapped[0]];
    expect(compactScheduleText({ ...source, tasks: swapped }, marked).json).not.toContain('kept links');
  });
});
