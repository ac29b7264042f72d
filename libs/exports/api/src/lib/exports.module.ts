import { Module } from '@nestjs/common';
import { SchedulingModule } from '@worksite/scheduling-api';
import { SchedulingDataModule } from '@worksite/scheduling-data-access';
import { ExportsController } from './sheets/exports.controller';
import { ExportsService } from './sheets/exports.service';
import { FeedFileController, FeedsController } from './feeds/feeds.controller';
import { FeedsService } from './feeds/feeds.service';

/** Data out: calendar feeds of crews and agency users, spreadsheet exports of projects and day plans. */
@Module({
  imports: [SchedulingModule, SchedulingDataModule],
  controllers: [FeedsController, FeedFileController, ExportsController],
  providers: [FeedsService, ExportsService],
})
export class ExportsModule {}
