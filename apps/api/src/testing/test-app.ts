import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { configureApp } from '@worksite/api-core';
import { PasswordService } from '@worksite/auth-api';
import { OUTBOUND_TO_TEST_RECEIVERS } from '@worksite/notices-testing';
import { loadConfig } from '@worksite/server-config';
import { UserEntity } from '@worksite/server-data-access';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { Role } from '@worksite/shared-domain';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from '../app/app.module';

type Agent = ReturnType<typeof request.agent>;

/** Who a test user is: a role and what it is assigned to. */
export interface TestUser {
  role: Role;
  departmentId?: string | null;
  crewIds?: string[];
  projectIds?: string[];
}

/** The real api (same modules, guards, pipes, filters) on a fresh database of its own. */
export interface TestApp {
  app: INestApplication;
  /** Requests as a signed-in administrator. */
  http: Agent;
  /** Requests without any token. */
  anonymous: ReturnType<typeof request>;
  dataSource: DataSource;
  database: TestDatabase;
  /** Creates a user (through the database) and logs in through the API; requests carry its token. */
  as(user: TestUser): Promise<Agent & { accessToken: string; userId: string; username: string }>;
  /** The password of every user made by `as()`. */
  password: string;
  close(): Promise<void>;
}

export async function createTestApp(
  overrides: Partial<ReturnType<typeof loadConfig>> = {},
  /** Where the api's JSON log lines go (a test that reads them), else standard output. */
  options: { logDestination?: DestinationStream } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  // A stand-in web app, so requests pass the same middleware as in production (ServeStaticModule's too).
  const webRoot = mkdtempSync(join(tmpdir(), 'ws-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Worksite</title>');
  const config = {
    ...loadConfig(),
    DATABASE_URL: database.url,
    DB_POOL_SIZE: 5,
    WEB_DIST_DIR: webRoot,
    // Its own Redis namespace: rate limits and queues of parallel test files never mix.
    REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    LOGIN_RATE_LIMIT_PER_MINUTE: 10_000,
    RATE_LIMIT_PER_MINUTE: 100_000,
    // Per-request log lines (and the 4xx the tests provoke on purpose) would drown the test output.
    LOG_LEVEL: options.logDestination ? 'info' : 'error',
    // Robot webhooks and the SMS gateway of the tests are local HTTP receivers.
    ...OUTBOUND_TO_TEST_RECEIVERS,
    ...overrides,
  };
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, { logDestination: options.logDestination })],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: ['error', 'warn'] }));
  await app.init();
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();
  // One hash for every test user of the file: argon2 is deliberately slow.
  const password = `test-${randomBytes(8).toString('hex')}`;
  const passwordHash = await app.get(PasswordService).hash(password);

  const as: TestApp['as'] = async (user) => {
    const username = `${user.role}-${randomBytes(4).toString('hex')}`;
    const saved = await dataSource.getRepository(UserEntity).save({
      username,
      displayName: username,
      passwordHash,
      role: user.role,
      departmentId: user.departmentId ?? null,
    });
    for (const crewId of user.crewIds ?? []) {
      await dataSource.query('INSERT INTO user_crews (user_id, crew_id) VALUES ($1, $2)', [saved.id, crewId]);
    }
    for (const projectId of user.projectIds ?? []) {
      await dataSource.query('INSERT INTO user_projects (user_id, project_id) VALUES ($1, $2)', [saved.id, projectId]);
    }
    const login = await request(server).post('/api/auth/login').send({ username, password });
    if (login.status !== 200) throw new Error(`test login failed: ${login.status} ${JSON.stringify(login.body)}`);
    const agent = request.agent(server).set('Authorization', `Bearer ${login.body.accessToken}`);
    return Object.assign(agent, { accessToken: login.body.accessToken as string, userId: saved.id, username });
  };

  const admin = await as({ role: Role.Admin });
  return {
    app,
    http: admin,
    anonymous: request(server),
    dataSource,
    database,
    as,
    password,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
