import { Module } from '@nestjs/common';
import { ProjectCalendarService } from './calendar/project-calendar.service';
import { ProjectNetworkService } from './network/project-network.service';
import { KeptNetworks } from './network/kept-networks';
import { ProjectRescheduler } from './rescheduler/project-rescheduler.service';

/**
 * A project's network as the engine reads it, and the re-scheduling that follows every edit.
 * Planning imports it (its write paths re-schedule) and so does the scheduling API (it reads
 * and recomputes schedules): both depend on it, it depends on neither.
 */
@Module({
  providers: [ProjectCalendarService, ProjectNetworkService, ProjectRescheduler, KeptNetworks],
  exports: [ProjectCalendarService, ProjectNetworkService, ProjectRescheduler, KeptNetworks],
})
export class SchedulingDataModule {}
