// A CPU quota per process (Linux cgroups, as root): bench:load's LOAD_API_CPUS gives each api
// at most that many cores, as if each ran on a machine of its own, so that one api and two apis
// can be compared where the apis' cores, not PostgreSQL, the proxy or autocannon, are the limit
// (on a 2-core machine shared by all of them, two unlimited apis only share the same two cores).
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const V2 = '/sys/fs/cgroup';
const V1 = '/sys/fs/cgroup/cpu';
const PERIOD_US = 100_000;

/** A cgroup holding one process, limited to `cpus` cores; `remove` deletes it once the process is gone. */
export interface CpuQuota {
  readonly path: string;
  remove(): void;
}

/**
 * Puts `pid` (all its threads) into a new cgroup limited to `cpus` cores: cgroup v2's `cpu.max`
 * where the unified hierarchy has the cpu controller, else cgroup v1's `cpu.cfs_quota_us`.
 * Throws, saying why, where neither can be written (not root, no cgroup file system).
 */
export function limitCpu(pid: number, cpus: number, name: string): CpuQuota {
  if (!(cpus > 0)) throw new Error(`✖ a CPU quota must be a positive number of cores, not ${cpus}`);
  const quota = Math.round(cpus * PERIOD_US);
  const v2 =
    existsSync(join(V2, 'cgroup.controllers')) && readFileSync(join(V2, 'cgroup.controllers'), 'utf8').includes('cpu');
  const root = v2 ? V2 : V1;
  if (!existsSync(join(root, 'cgroup.procs'))) {
    throw new Error(`✖ no cgroup cpu controller at ${V2} or ${V1}: LOAD_API_CPUS needs one (Linux, as root)`);
  }
  const path = join(root, `worksite-bench-${name}-${process.pid}`);
  try {
    mkdirSync(path, { recursive: true });
    if (v2) {
      // The parent must hand the cpu controller down to its children.
      writeFileSync(join(V2, 'cgroup.subtree_control'), '+cpu');
      writeFileSync(join(path, 'cpu.max'), `${quota} ${PERIOD_US}`);
    } else {
      writeFileSync(join(path, 'cpu.cfs_period_us'), String(PERIOD_US));
      writeFileSync(join(path, 'cpu.cfs_quota_us'), String(quota));
    }
    writeFileSync(join(path, 'cgroup.procs'), String(pid));
  } catch (error) {
    throw new Error(`✖ could not limit process ${pid} to ${cpus} cores in ${path}: ${(error as Error).message}`);
  }
  return {
    path,
    remove: () => {
      try {
        rmdirSync(path);
      } catch {
        // still holds a process (it is left to the next boot) or is gone already
      }
    },
  };
}
