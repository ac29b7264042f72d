import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Debian's PostgreSQL binaries (PG_BIN, or the newest /usr/lib/postgresql/<version>/bin). */
function postgresBin(): string {
  if (process.env['PG_BIN']) return process.env['PG_BIN'];
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((v) => join(base, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  if (!bin) throw new Error('PostgreSQL binaries not found (install postgresql, or set PG_BIN)');
  return bin;
}

/**
 * A PostgreSQL server of a test's own: a cluster made with initdb in a temporary folder,
 * listening on its own port, which the test may stop (fast shutdown, every connection cut)
 * and start again with its data — what a database restart looks like to the api and the
 * worker. Never the shared server of the machine. As root it runs as the `postgres` user
 * (PostgreSQL refuses to run as root).
 */
export class PostgresServerProcess {
  private child?: ChildProcess;
  private output = '';

  private constructor(
    readonly port: number,
    private readonly bin: string,
    readonly dataDir: string,
    private readonly ids: { uid: number; gid: number } | undefined,
  ) {}

  static async start(): Promise<PostgresServerProcess> {
    const bin = postgresBin();
    const dataDir = mkdtempSync(join(tmpdir(), 'ws-pg-'));
    const ids = userInfo().uid === 0 ? postgresIds() : undefined;
    if (ids) chownSync(dataDir, ids.uid, ids.gid);
    const init = spawnSync(
      join(bin, 'initdb'),
      ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C'],
      { encoding: 'utf8', ...(ids ?? {}) },
    );
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stderr || init.stdout}`);
    const server = new PostgresServerProcess(await freePort(), bin, dataDir, ids);
    await server.restart();
    return server;
  }

  /** A connection URL to `database` on this server. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts it (again) with its data and waits until it accepts connections. */
  async restart(timeoutMs = 30_000): Promise<void> {
    if (this.running) throw new Error(`PostgreSQL on port ${this.port} is still running`);
    this.output = '';
    const child = spawn(
      join(this.bin, 'postgres'),
      [
        '-D',
        this.dataDir,
        '-p',
        String(this.port),
        '-k',
        this.dataDir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'max_connections=200',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], ...(this.ids ?? {}) },
    );
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (error) => reject(new Error(`cannot start postgres: ${error.message}`)));
      child.once('exit', (code) => reject(new Error(`postgres exited (${code}):\n${this.output}`)));
    });
    failed.catch(() => undefined);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await Promise.race([this.answers(), failed])) return;
      if (Date.now() > deadline) throw new Error(`PostgreSQL on port ${this.port} did not answer:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Fast shutdown (SIGINT): open transactions are rolled back, every connection is cut. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise((resolve) => this.child?.once('exit', resolve));
    this.child?.kill('SIGINT');
    await exited;
  }

  /** Stops it and deletes its data folder. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async answers(): Promise<boolean> {
    const client = new Client({ connectionString: this.url(), connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root needs a `postgres` user to run PostgreSQL');
  return { uid, gid };
}
