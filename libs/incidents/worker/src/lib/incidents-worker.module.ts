import { Module } from '@nestjs/common';
import { IncidentsDataModule } from '@worksite/incidents-data-access';
import { IncidentsProcessor } from './incidents.processor';
import { IncidentWatchdog } from './incident-watchdog.service';

/** The worker side of emergencies: the incidents queue's processor and the sweep timer. */
@Module({
  imports: [IncidentsDataModule],
  providers: [IncidentsProcessor, IncidentWatchdog],
  exports: [IncidentsProcessor, IncidentWatchdog, IncidentsDataModule],
})
export class IncidentsWorkerModule {}
