import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureApp } from '@worksite/api-core';
import { ConfigError, loadConfig } from '@worksite/server-config';
import { preflight } from '@worksite/server-data-access';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app/app.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await preflight(config, { redis: true });
  const nest = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
  // Nest's own messages go out as JSON lines too.
  nest.useLogger(nest.get(PinoLogger));
  const app = configureApp(nest);
  await app.listen(config.PORT);
  Logger.log(`Worksite is running on ${config.PUBLIC_URL} (API docs: ${config.PUBLIC_URL}/api/docs)`, 'Bootstrap');
}

bootstrap().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : `Worksite could not start: ${error.message}`);
  process.exit(1);
});
