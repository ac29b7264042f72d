/** A group of tasks that one crew must do (its busy intervals). */
export interface CrewJob {
  group: string;
  pool: string[];
  intervals: { start: number; finish: number }[];
}

/**
 * Gives each job a crew of its pool: a crew free during all of the job's intervals, the
 * least busy one first; when every crew is busy, the one overlapping least (a clash the
 * coordinator will see). Jobs are taken in order of their first start, so the result is
 * deterministic.
 */
export function assignCrews(jobs: CrewJob[]): Map<string, string> {
  const busy = new Map<string, { start: number; finish: number }[]>();
  const load = (crew: string) => (busy.get(crew) ?? []).reduce((n, i) => n + (i.finish - i.start), 0);
  const overlap = (crew: string, job: CrewJob) => {
    let total = 0;
    for (const a of busy.get(crew) ?? [])
      for (const b of job.intervals) total += Math.max(0, Math.min(a.finish, b.finish) - Math.max(a.start, b.start));
    return total;
  };
  const first = (job: CrewJob) => Math.min(...job.intervals.map((i) => i.start));
  const ordered = [...jobs].sort((a, b) => first(a) - first(b) || a.group.localeCompare(b.group));
  const assigned = new Map<string, string>();
  for (const job of ordered) {
    if (job.pool.length === 0) continue;
    let best = job.pool[0];
    let bestScore = [Infinity, Infinity];
    for (const crew of job.pool) {
      const score = [overlap(crew, job), load(crew)];
      if (score[0] < bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1])) {
        best = crew;
        bestScore = score;
      }
    }
    assigned.set(job.group, best);
    busy.set(best, [...(busy.get(best) ?? []), ...job.intervals]);
  }
  return assigned;
}
