import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

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
 * A local Redis Cluster of a test's own: `nodes` masters of Debian's redis-server (no
 * persistence, cluster files in a temporary folder), slots assigned by `redis-cli --cluster
 * create`. `url` is one node, as REDIS_URL would name it.
 */
export class RedisClusterProcess {
  private constructor(
    readonly ports: number[],
    private readonly children: ChildProcess[],
    private readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.ports[0]}`;
  }

  static async start(nodes = 3): Promise<RedisClusterProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'ws-redis-cluster-'));
    const ports: number[] = [];
    for (let i = 0; i < nodes; i++) ports.push(await freePort());
    const children = ports.map((port) =>
      spawn(
        process.env['REDIS_SERVER_BIN'] ?? 'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, `nodes-${port}.conf`),
          '--dir',
          dir,
          '--loglevel',
          'warning',
          '--maxmemory-policy',
          'noeviction',
        ],
        { stdio: 'ignore' },
      ),
    );
    const cluster = new RedisClusterProcess(ports, children, dir);
    try {
      for (const port of ports) await waitUntil(() => ping(port), `redis-server on port ${port}`);
      const created = spawnSync(
        'redis-cli',
        ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
        { encoding: 'utf8' },
      );
      if (created.status !== 0)
        throw new Error(`redis-cli --cluster create failed:\n${created.stdout}${created.stderr}`);
      for (const port of ports) await waitUntil(() => clusterOk(port), `cluster_state:ok on port ${port}`);
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
            child.once('exit', resolve);
            child.kill('SIGKILL');
          }),
      ),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function withNode<T>(port: number, fn: (client: Redis) => Promise<T>, otherwise: T): Promise<T> {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await fn(client);
  } catch {
    return otherwise;
  } finally {
    client.disconnect();
  }
}

const ping = (port: number) => withNode(port, async (c) => (await c.ping()) === 'PONG', false);
const clusterOk = (port: number) =>
  withNode(port, async (c) => String(await c.call('CLUSTER', 'INFO')).includes('cluster_state:ok'), false);
