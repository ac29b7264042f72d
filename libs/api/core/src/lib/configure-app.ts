import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { httpMetricsMiddleware, requestIdMiddleware } from '@worksite/server-observability';
import { AppConfig } from '@worksite/server-config';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { changeSetMiddleware } from './change-set';
import { HttpErrorFilter } from './http-error.filter';
import { BODY_LIMIT, bodyParserErrors, bodyShape, bulkBody, unreadableBody } from './request-body';
import { globalValidationPipe } from './validation';

export const API_PREFIX = 'api';

/** TRUST_PROXY as Express takes it: a hop count, or the list of trusted addresses and ranges. */
export function trustProxy(setting: string): number | string[] {
  return /^\d+$/.test(setting.trim())
    ? Number(setting)
    : setting
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
}

/**
 * Everything an api instance needs besides its modules: the /api prefix, body limits, one
 * validation for every route, the error shape and the OpenAPI docs. Used by main.ts and by
 * the integration tests, so the tests exercise the same HTTP behaviour as production.
 */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  const config = app.get(AppConfig, { strict: false });
  // Behind a reverse proxy the client's address comes from X-Forwarded-For (rate limits count by it).
  if (config.TRUST_PROXY) express.set('trust proxy', trustProxy(config.TRUST_PROXY));
  // First: the request's id (X-Request-Id, on every log line of it and of the jobs it queues) and its timing.
  express.use(requestIdMiddleware, httpMetricsMiddleware);
  // Security headers (error answers included); the CSP allows the inline styles Angular and Swagger UI use.
  express.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
        },
      },
    }),
  );
  express.use(cookieParser());
  app.enableCors({
    origin: config.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    credentials: true,
  });
  // JSON only (the acknowledgement page's form posts an empty body); Nest's own parsers are then skipped.
  // The bulk import routes read theirs first, with their own limits (request-body.ts).
  express.use(bulkBody, bodyParserErrors);
  express.useBodyParser('json', { limit: BODY_LIMIT });
  express.use(bodyParserErrors, unreadableBody, bodyShape);
  // Every write runs in a change set (X-Change-Set), so what one user action wrote can be undone.
  express.use(changeSetMiddleware);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(globalValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Worksite API')
      .setDescription(
        'Coordinates old-neighbourhood renovation works: departments, crews, locations, projects, ' +
          'calendars, tasks and dependencies. Errors share one shape: {statusCode, code, message, problems?}; ' +
          '`message` and the problems are in the language of Accept-Language (zh-CN by default, or en). ' +
          'Request bodies are JSON (415 otherwise), at most 1 MB (413), at most 32 levels deep, 200 fields ' +
          'per object and 1,000 items per list (400 body_too_complex). The import routes take up to 20 MB ' +
          '(JSON with up to 40,000 items per list, or the file itself).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
  return app;
}
