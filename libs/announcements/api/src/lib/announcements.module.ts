import { Module } from '@nestjs/common';
import { NoticesChannelsModule } from '@worksite/notices-channels';
import {
  AnnouncementsController,
  LocationRobotsController,
  ProjectAnnouncementsController,
} from './announcements.controller';
import { AnnouncementsService } from './announcements.service';
import { LocationRobotsService } from './location-robots.service';

/**
 * Resident announcements and the buildings' group robots. Exports AnnouncementsService for the
 * incident code (`draftForIncident`).
 */
@Module({
  imports: [NoticesChannelsModule],
  controllers: [ProjectAnnouncementsController, AnnouncementsController, LocationRobotsController],
  providers: [AnnouncementsService, LocationRobotsService],
  exports: [AnnouncementsService],
})
export class AnnouncementsModule {}
