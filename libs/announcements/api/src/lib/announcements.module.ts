import { Global, Module } from '@nestjs/common';
import { INCIDENT_RESIDENT_POSTS, IncidentsDataModule } from '@worksite/incidents-data-access';
import { NoticesChannelsModule } from '@worksite/notices-channels';
import {
  AnnouncementsController,
  LocationRobotsController,
  ProjectAnnouncementsController,
} from './announcements.controller';
import { AnnouncementsService } from './announcements.service';
import { AnnouncementIncidentPosts } from './incident-resident-posts';
import { LocationRobotsService } from './location-robots.service';

/**
 * Resident announcements and the buildings' group robots. Global for the incidents' optional
 * hook INCIDENT_RESIDENT_POSTS (emergency drafts and follow-ups); AnnouncementsService
 * (`draftForIncident`) is exported too.
 */
@Global()
@Module({
  imports: [NoticesChannelsModule, IncidentsDataModule],
  controllers: [ProjectAnnouncementsController, AnnouncementsController, LocationRobotsController],
  providers: [
    AnnouncementsService,
    LocationRobotsService,
    AnnouncementIncidentPosts,
    { provide: INCIDENT_RESIDENT_POSTS, useExisting: AnnouncementIncidentPosts },
  ],
  exports: [AnnouncementsService, INCIDENT_RESIDENT_POSTS],
})
export class AnnouncementsModule {}
