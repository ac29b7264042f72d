// CPU time of processes from /proc (Linux), for benches that show where a machine's cores went.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICK_MS = 1000 / Number(execSync('getconf CLK_TCK').toString().trim());

/** User + system CPU of processes, in ms (a process that is gone counts 0). */
export function cpuMs(pids: readonly number[]): number {
  let sum = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      sum += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      // gone
    }
  }
  return sum;
}

/** The process listening on a local TCP port (ss -ltnp), or undefined. */
export function listeningPid(port: number | string): number | undefined {
  const match = /pid=(\d+)/.exec(execSync(`ss -ltnpH 'sport = :${port}'`).toString());
  return match ? Number(match[1]) : undefined;
}

/** Every process whose command name is `name` (e.g. all PostgreSQL backends). */
export function pidsNamed(name: string): number[] {
  try {
    return execSync(`pgrep -x ${name}`).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Starts counting the CPU of groups of processes (and of this process, as `bench`); the
 * function returned says how much of one core each group used meanwhile, in percent.
 * Processes started meanwhile count from zero; those gone meanwhile are not counted.
 */
export function cpuShares(groups: Record<string, () => number[]>): () => Record<string, number> {
  const began = performance.now();
  const before = new Map<number, number>();
  for (const pids of Object.values(groups)) for (const pid of pids()) before.set(pid, cpuMs([pid]));
  const own = process.cpuUsage();
  return () => {
    const wall = performance.now() - began;
    const shares: Record<string, number> = {};
    for (const [name, pids] of Object.entries(groups)) {
      const used = pids().reduce((sum, pid) => sum + cpuMs([pid]) - (before.get(pid) ?? 0), 0);
      shares[name] = Math.round((100 * used) / wall);
    }
    const usage = process.cpuUsage(own);
    shares['bench'] = Math.round((100 * (usage.user + usage.system)) / 1000 / wall);
    return shares;
  };
}

/** A process's resident memory now and at its peak (VmRSS, VmHWM), in MB; undefined when it is gone. */
export function residentMb(pid: number): { now: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { now: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}
