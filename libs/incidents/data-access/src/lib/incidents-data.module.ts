import { Module } from '@nestjs/common';
import { NoticesChannelsModule } from '@worksite/notices-channels';
import { CalloutContent } from './callout-content.service';
import { CalloutExecutor } from './callout-executor.service';
import { CalloutLedger } from './callout-ledger.service';
import { IncidentAcks } from './incident-ack.service';
import { IncidentDepartments } from './incident-departments.service';
import { IncidentJobs } from './incident-jobs.service';
import { IncidentReader } from './incident-reader.service';
import { IncidentSweeps } from './incident-sweeps.service';
import { IncidentTimeline } from './incident-timeline.service';

const SERVICES = [
  CalloutContent,
  CalloutExecutor,
  CalloutLedger,
  IncidentAcks,
  IncidentDepartments,
  IncidentJobs,
  IncidentReader,
  IncidentSweeps,
  IncidentTimeline,
];

/**
 * Incidents in PostgreSQL (timeline, departments called in, acknowledgements) and their
 * messages on the nightly notices' channels and delivery state machine. Needs TypeORM,
 * AppConfig and QueueModule from the app.
 */
@Module({
  imports: [NoticesChannelsModule],
  providers: SERVICES,
  exports: [...SERVICES, NoticesChannelsModule],
})
export class IncidentsDataModule {}
