import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentsProcessor, IncidentsWorkerModule } from '@worksite/incidents-worker';
import { NoticesProcessor, NoticesWorkerModule } from '@worksite/notices-worker';
import { AppConfig, AppConfigModule } from '@worksite/server-config';
import { dataSourceOptions } from '@worksite/server-data-access';
import { instanceInfo, ObservabilityModule } from '@worksite/server-observability';
import { assertEveryJobHandled, QueueModule, QueueName, REDIS } from '@worksite/server-queue';
import { WorkerHeartbeat } from './worker-heartbeat';

/** Every queue's handlers, one per job name, as the worker registers them. */
export function workerJobHandlers(
  notices: Pick<NoticesProcessor, 'handlers'>,
  incidents: Pick<IncidentsProcessor, 'handlers'>,
) {
  return { [QueueName.Notices]: notices.handlers, [QueueName.Incidents]: incidents.handlers };
}

/** The worker: BullMQ processors and job schedulers, the watchdog and the heartbeat, no HTTP. */
@Module({})
export class WorkerModule implements OnModuleInit {
  constructor(
    private readonly notices: NoticesProcessor,
    private readonly incidents: IncidentsProcessor,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        QueueModule.forRoot('worker'),
        ObservabilityModule.forRoot({
          instance: instanceInfo('worker', config.INSTANCE_ID),
          logLevel: config.LOG_LEVEL,
          redis: REDIS,
        }),
        NoticesWorkerModule,
        IncidentsWorkerModule,
      ],
      providers: [WorkerHeartbeat],
    };
  }

  /** Fails the boot when a declared job has no handler. */
  onModuleInit(): void {
    assertEveryJobHandled(workerJobHandlers(this.notices, this.incidents));
  }
}
