import { DynamicModule, InjectionToken, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { InstanceInfo } from './instance';
import { loggingModule } from './logging';
import { MetricsPublisher, OBSERVABILITY_INSTANCE, OBSERVABILITY_REDIS } from './metrics-publisher';

export interface ObservabilityOptions {
  instance: InstanceInfo;
  logLevel: string;
  /** The injection token of the ioredis client to publish metrics with (the queue module's). */
  redis: InjectionToken;
  /** Where log lines go (standard output unless given). */
  logDestination?: DestinationStream;
}

/** JSON logs (nestjs-pino) with request ids, and this process's metrics published for /api/metrics. */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        loggingModule({ level: options.logLevel, instance: options.instance, destination: options.logDestination }),
      ],
      providers: [
        { provide: OBSERVABILITY_INSTANCE, useValue: options.instance },
        { provide: OBSERVABILITY_REDIS, useExisting: options.redis },
        MetricsPublisher,
      ],
      exports: [MetricsPublisher, OBSERVABILITY_INSTANCE],
    };
  }
}
