import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import Redis from 'ioredis';

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

/**
 * A Redis server of a test's own (Debian's `redis-server`, no persistence), which the test
 * may stop and start again on the same port — what a Redis restart without its data looks
 * like to the api and the worker. Never the shared Redis of the machine.
 */
export class RedisServerProcess {
  private child?: ChildProcess;
  private output = '';

  private constructor(
    readonly port: number,
    private readonly binary: string,
  ) {}

  /** Starts one on a free port (REDIS_SERVER_BIN or `redis-server` on the PATH). */
  static async start(binary = process.env['REDIS_SERVER_BIN'] ?? 'redis-server'): Promise<RedisServerProcess> {
    const server = new RedisServerProcess(await freePort(), binary);
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts it (again) on its port, empty, and waits until it answers PING. */
  async restart(timeoutMs = 10_000): Promise<void> {
    if (this.running) throw new Error(`redis-server on port ${this.port} is still running`);
    this.output = '';
    const child = spawn(
      this.binary,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (error) => reject(new Error(`cannot start ${this.binary}: ${error.message}`)));
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${this.output}`)));
    });
    failed.catch(() => undefined);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answered = await Promise.race([this.ping(), failed]);
      if (answered) return;
      if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not answer:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** SHUTDOWN NOSAVE: Redis goes away with everything it held. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise((resolve) => this.child?.once('exit', resolve));
    const client = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      await client.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
    } finally {
      client.disconnect();
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
    clearTimeout(timer);
    if (this.running) await this.kill();
  }

  /** SIGKILL, as when the machine or container dies. */
  async kill(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise((resolve) => this.child?.once('exit', resolve));
    this.child?.kill('SIGKILL');
    await exited;
  }

  private async ping(): Promise<boolean> {
    const client = new Redis({
      port: this.port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }
}
