import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@worksite/auth-api';
import { NoticesApiModule } from '@worksite/notices-api';
import { OrgModule } from '@worksite/org-api';
import { PlanningModule } from '@worksite/planning-api';
import { SchedulingModule } from '@worksite/scheduling-api';
import { AppConfig, AppConfigModule } from '@worksite/server-config';
import { dataSourceOptions } from '@worksite/server-data-access';
import { QueueModule } from '@worksite/server-queue';
import { SitesModule } from '@worksite/sites-api';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { HealthController } from './health.controller';

/** The api: every HTTP feature module, the database, the queue producers and the web app. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const webRoot = config.WEB_DIST_DIR ? resolve(config.WEB_DIST_DIR) : '';
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        QueueModule.forRoot('producer'),
        AuthModule,
        OrgModule,
        SitesModule,
        PlanningModule,
        NoticesApiModule,
        SchedulingModule,
        ...(webRoot && existsSync(webRoot)
          ? [
              ServeStaticModule.forRoot({
                rootPath: webRoot,
                exclude: ['/api/{*path}'],
              }),
            ]
          : []),
      ],
      controllers: [HealthController],
    };
  }
}
