import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IncidentSweeps } from '@worksite/incidents-data-access';
import { NOTICE_CLOCK, NoticeClock } from '@worksite/notices-data-access';
import { AppConfig } from '@worksite/server-config';

/**
 * Every NOTICE_WATCHDOG_SECONDS, on a timer of its own (no BullMQ scheduler to lose): the
 * incidents' escalations, paperwork reminders and owed call-outs (IncidentSweeps; PostgreSQL
 * makes each happen once, whichever worker looks).
 */
@Injectable()
export class IncidentWatchdog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IncidentWatchdog.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly sweeps: IncidentSweeps,
    private readonly config: AppConfig,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {}

  onApplicationBootstrap(): void {
    setImmediate(() => void this.tick());
    this.timer = setInterval(() => void this.tick(), this.config.NOTICE_WATCHDOG_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  tick(): Promise<void> {
    this.running ??= this.sweeps
      .sweep(new Date(this.clock()))
      .then((done) => {
        if (done.escalated || done.reminded || done.requeued) this.logger.log(`incidents: ${JSON.stringify(done)}`);
      })
      .catch((error: Error) => this.logger.warn(`incident sweep failed: ${error.message}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
