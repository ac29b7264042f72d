import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@worksite/auth-api';
import { ImportModule } from '@worksite/import-api';
import { NoticesApiModule } from '@worksite/notices-api';
import { OrgModule } from '@worksite/org-api';
import { PlanningModule } from '@worksite/planning-api';
import { ReportsModule } from '@worksite/reports-api';
import { SchedulingModule } from '@worksite/scheduling-api';
import { AppConfig, AppConfigModule } from '@worksite/server-config';
import { dataSourceOptions } from '@worksite/server-data-access';
import { instanceInfo, ObservabilityModule } from '@worksite/server-observability';
import { QueueModule, REDIS } from '@worksite/server-queue';
import type { DestinationStream } from 'pino';
import { SitesModule } from '@worksite/sites-api';
import { ExportsModule } from '@worksite/exports-api';
import { IncidentsApiModule } from '@worksite/incidents-api';
import { AnnouncementsModule } from '@worksite/announcements-api';
import { MakeReadyModule } from '@worksite/make-ready-api';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { HealthController } from './health.controller';
import { InstallationMetrics } from './metrics/installation-metrics';
import { MetricsController } from './metrics/metrics.controller';

/** Files whose names carry a content hash (main-R53ZSRIV.js): they never change under that name. */
const HASHED = /-[A-Z0-9]{8}\.(js|css|woff2?)$/;

/**
 * The web app's files: hashed bundles are kept a year without asking again (a new build has
 * new names), everything else (index.html, translations) is checked with the server on each use.
 */
export function cacheHeaders(response: { setHeader(name: string, value: string): void }, path: string): void {
  response.setHeader('Cache-Control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** The api: every HTTP feature module, the database, the queue producers and the web app. */
@Module({})
export class AppModule {
  /** `logDestination`: where the JSON log lines go (standard output unless given, e.g. by a test). */
  static forRoot(config: AppConfig, options: { logDestination?: DestinationStream } = {}): DynamicModule {
    const webRoot = config.WEB_DIST_DIR ? resolve(config.WEB_DIST_DIR) : '';
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        QueueModule.forRoot('producer'),
        ObservabilityModule.forRoot({
          instance: instanceInfo('api', config.INSTANCE_ID),
          logLevel: config.LOG_LEVEL,
          redis: REDIS,
          logDestination: options.logDestination,
        }),
        AuthModule,
        OrgModule,
        SitesModule,
        PlanningModule,
        NoticesApiModule,
        SchedulingModule,
        ReportsModule,
        ExportsModule,
        ImportModule,
        IncidentsApiModule,
        AnnouncementsModule,
        MakeReadyModule,
        ...(webRoot && existsSync(webRoot)
          ? [
              ServeStaticModule.forRoot({
                rootPath: webRoot,
                exclude: ['/api/{*path}'],
                serveStaticOptions: { setHeaders: cacheHeaders },
              }),
            ]
          : []),
      ],
      controllers: [HealthController, MetricsController],
      providers: [InstallationMetrics],
    };
  }
}
