import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@worksite/server-config';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { HttpErrorFilter } from './http-error.filter';
import { bodyParserErrors, unreadableBody } from './request-body';

export const API_PREFIX = 'api';

/**
 * Everything an api instance needs besides its modules: the /api prefix, body limits,
 * the error shape and the OpenAPI docs. Used by main.ts and by the integration tests, so
 * the tests exercise the same HTTP behaviour as production.
 */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: '1mb' });
  express.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  express.use(bodyParserErrors, unreadableBody);
  express.disable('x-powered-by');
  const config = app.get(AppConfig, { strict: false });
  // Security headers; the CSP allows the inline styles Angular and Swagger UI use, no inline scripts.
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
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Worksite API')
      .setDescription(
        'Coordinates old-neighbourhood renovation works: departments, crews, locations, projects, ' +
          'calendars, tasks and dependencies. Errors share one shape: {statusCode, code, message, problems?}.',
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
