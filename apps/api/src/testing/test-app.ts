import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { configureApp } from '@worksite/api-core';
import { loadConfig } from '@worksite/server-config';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../app/app.module';

/** The real api (same modules, pipes, filters) on a fresh database of its own. */
export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = {
    ...loadConfig(),
    DATABASE_URL: database.url,
    DB_POOL_SIZE: 5,
    WEB_DIST_DIR: '',
  };
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config)],
  }).compile();
  const app = configureApp(
    moduleRef.createNestApplication({ logger: ['error', 'warn'] }),
  );
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
