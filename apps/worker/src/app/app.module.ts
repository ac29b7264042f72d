import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NoticesProcessor, NoticesWorkerModule } from '@worksite/notices-worker';
import { AppConfig, AppConfigModule } from '@worksite/server-config';
import { dataSourceOptions } from '@worksite/server-data-access';
import { assertEveryJobHandled, QueueModule, QueueName } from '@worksite/server-queue';
import { SystemProcessor } from './system.processor';

/** The worker: BullMQ processors and job schedulers, no HTTP. */
@Module({})
export class WorkerModule implements OnModuleInit {
  constructor(
    private readonly system: SystemProcessor,
    private readonly notices: NoticesProcessor,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        QueueModule.forRoot('worker'),
        NoticesWorkerModule,
      ],
      providers: [SystemProcessor],
    };
  }

  onModuleInit(): void {
    assertEveryJobHandled({ [QueueName.System]: this.system.handlers, [QueueName.Notices]: this.notices.handlers });
  }
}
