import { Module } from '@nestjs/common';
import { IncidentsDataModule } from '@worksite/incidents-data-access';
import { SchedulingDataModule } from '@worksite/scheduling-data-access';
import { IncidentAckController } from './ack/incident-ack.controller';
import { IncidentOpener } from './incidents/incident-opener.service';
import { IncidentReport } from './incidents/incident-report.service';
import { IncidentsController } from './incidents/incidents.controller';
import { IncidentsService } from './incidents/incidents.service';
import { OnCallController } from './on-call/on-call.controller';
import { OnCallService } from './on-call/on-call.service';
import { PlaybooksController } from './playbooks/playbooks.controller';
import { PlaybooksService } from './playbooks/playbooks.service';

/** Emergencies over HTTP: incidents and their board, playbooks, on-call rosters, call-out links. */
@Module({
  imports: [IncidentsDataModule, SchedulingDataModule],
  controllers: [IncidentsController, PlaybooksController, OnCallController, IncidentAckController],
  providers: [IncidentsService, IncidentOpener, IncidentReport, PlaybooksService, OnCallService],
  exports: [IncidentsService, IncidentOpener, IncidentsDataModule],
})
export class IncidentsApiModule {}
