import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AckService } from './ack.service';
import { AmendmentsService } from './amendments.service';
import { DayPlanLoader } from './day-plan.loader';
import { DeliveryLedger } from './delivery-ledger.service';
import { EscalationAlertsService } from './escalation-alerts.service';
import { MakeReadyMessagesService } from './make-ready-messages.service';
import { NOTICE_CLOCK, systemClock } from './notice-clock';
import { NoticeComposer } from './notice-composer.service';
import { NOTICE_FLOW_PRODUCER, NoticeJobs } from './notice-jobs.service';
import { NoticeRunsService } from './notice-runs.service';
import { NoticeStore } from './notice-store.service';
import { RemindersService } from './reminders.service';
import { RunCounters } from './run-counters';

const SERVICES = [
  AckService,
  AmendmentsService,
  DayPlanLoader,
  DeliveryLedger,
  EscalationAlertsService,
  MakeReadyMessagesService,
  NoticeComposer,
  NoticeJobs,
  NoticeRunsService,
  NoticeStore,
  RemindersService,
  RunCounters,
];

/**
 * Notices in PostgreSQL (runs, notices, deliveries, acknowledgements, amendments, reminders)
 * and the jobs that move them. Needs TypeORM, AppConfig and QueueModule from the app.
 */
@Module({
  imports: [BullModule.registerFlowProducer({ name: NOTICE_FLOW_PRODUCER })],
  providers: [...SERVICES, { provide: NOTICE_CLOCK, useValue: systemClock }],
  exports: [...SERVICES, NOTICE_CLOCK],
})
export class NoticesDataModule {}
