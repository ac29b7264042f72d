import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@worksite/server-config';
import { preflight } from '@worksite/server-data-access';
import { Logger as PinoLogger } from 'nestjs-pino';
import { WorkerModule } from './app/app.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await preflight(config, { redis: true });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  await app.init();
  Logger.log('Worksite worker is running', 'Bootstrap');
}

bootstrap().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : `Worksite worker could not start: ${error.message}`);
  process.exit(1);
});
