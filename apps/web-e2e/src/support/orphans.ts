import { ChildProcess } from 'node:child_process';
import { deleteRedisKeys } from '@worksite/server-testing';
import { Client } from 'pg';

/**
 * What a stack leaves behind when the process that started it ends without stopping it (a
 * bench piped into `head`, a test run stopped with Ctrl-C): its api, worker and nginx processes
 * kept running, holding their database and taking CPU from the next measurement.
 *
 * Children registered here get SIGTERM when this process exits or is ended by SIGINT, SIGTERM or
 * SIGHUP (not SIGKILL: nothing runs then); databases of
 * stacks whose process is gone (`ws_e2e_<pid>_<random>`) are dropped, with their Redis keys, by
 * the next stack that starts.
 */
const running = new Set<ChildProcess>();
let hooked = false;

export function stopOnExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (hooked) return;
  hooked = true;
  const stopAll = () => {
    for (const left of running) left.kill('SIGTERM');
  };
  process.once('exit', stopAll);
  // Ending by a signal emits no 'exit': stop the children, then end as the signal would have.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopAll();
      process.kill(process.pid, signal);
    });
  }
}

/** The pid in a stack's database name, if the name is one of ours. */
export function stackPid(database: string): number | null {
  const match = /^ws_e2e_(\d+)_[0-9a-f]+$/.exec(database);
  return match ? Number(match[1]) : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is only someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drops the databases and Redis keys of stacks whose process has ended; returns their names. */
export async function dropOrphanStacks(databaseUrl: string, redisUrl: string): Promise<string[]> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const rows: { datname: string }[] = (
      await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'ws\\_e2e\\_%'`)
    ).rows;
    const orphans = rows
      .map((row) => row.datname)
      .filter((name) => {
        const pid = stackPid(name);
        return pid !== null && pid !== process.pid && !alive(pid);
      });
    for (const name of orphans) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await deleteRedisKeys(redisUrl, `e2e-${name.slice('ws_e2e_'.length)}`);
    }
    return orphans;
  } finally {
    await client.end();
  }
}
