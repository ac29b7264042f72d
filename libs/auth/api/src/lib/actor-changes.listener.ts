import { Global, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ActorCache } from '@worksite/auth-access';
import { AppConfig } from '@worksite/server-config';
import { Client } from 'pg';

/** The channel the triggers of sessions, users, user_crews and user_projects notify (payload: the user's id). */
export const ACTOR_CHANGES_CHANNEL = 'actor_changes';
const RECONNECT_MS = 1_000;

/**
 * Listens on its own PostgreSQL connection for changes to sessions and accounts (migration
 * ActorChangeNotices), whoever made them — this api, another one, the worker, the CLI or psql —
 * and drops the changed user's cached sessions. PostgreSQL sends a notification when its
 * transaction commits. While the connection is down the cache serves nothing (every request
 * reads its session again), and everything cached before is dropped.
 */
@Injectable()
export class ActorChangesListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ActorChanges');
  private client?: Client;
  private stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly cache: ActorCache,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SESSION_CACHE_SECONDS > 0) await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.cache.setLive(false);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'worksite-listen' });
    this.client = client;
    client.on('notification', (message) => {
      if (message.payload) this.cache.forget(message.payload);
      else this.cache.forgetAll();
    });
    client.on('error', (error) => this.lost(client, error.message));
    client.on('end', () => this.lost(client, 'connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACTOR_CHANGES_CHANNEL}`);
      if (this.client === client && !this.stopped) this.cache.setLive(true);
    } catch (error) {
      this.lost(client, (error as Error).message);
    }
  }

  private lost(client: Client, reason: string): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.cache.setLive(false);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`not listening for session changes (${reason}): sessions are read per request until it is back`);
    this.timer = setTimeout(() => void this.connect(), RECONNECT_MS);
  }
}

/** The cache of sessions' actors (ActorCache) and what keeps it honest, for every module. */
@Global()
@Module({
  providers: [
    {
      provide: ActorCache,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new ActorCache(config.SESSION_CACHE_SECONDS * 1000),
    },
    ActorChangesListener,
  ],
  exports: [ActorCache],
})
export class ActorCacheModule {}
