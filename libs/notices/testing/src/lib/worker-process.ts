import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built worker (dist/apps/worker/main.js), run as its own process, as in production. */
export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves when the worker logged that it is running. */
  ready: Promise<void>;
  exited: Promise<number | null>;
  /** Peak resident memory of the process so far, in MB (Linux /proc VmHWM). */
  peakMemoryMb(): number | undefined;
  /** CPU time the process has used so far (user + system), in seconds (Linux /proc stat). */
  cpuSeconds(): number | undefined;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Builds the worker (Nx answers from its cache when nothing changed). */
export function ensureWorkerBuild(root: string): string {
  const main = join(root, 'dist/apps/worker/main.js');
  const result = spawnSync('npx', ['nx', 'build', 'worker'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (result.status !== 0 || !existsSync(main)) throw new Error('building the worker failed');
  return main;
}

export function startWorkerProcess(
  main: string,
  env: Record<string, string>,
  options: { log?: boolean; execArgv?: string[] } = {},
): WorkerProcess {
  const child = spawn(process.execPath, [...(options.execArgv ?? []), main], {
    env: { ...process.env, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (options.log) process.stdout.write(text);
      if (output.includes('Worksite worker is running')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${code}) before it was ready:\n${output.slice(-2000)}`)),
    );
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    pid: child.pid as number,
    ready,
    exited,
    peakMemoryMb() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
        return Number.isFinite(kb) ? kb / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    cpuSeconds() {
      try {
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 a second).
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return undefined;
      }
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}
