import { Module } from '@nestjs/common';
import { NoticesChannelsModule } from '@worksite/notices-channels';
import { NoticeSchedulers } from './notice-schedulers.service';
import { NoticeWatchdog } from './notice-watchdog.service';
import { NoticesProcessor } from './notices.processor';

/** The worker side of the nightly notices: the queue's processor, the schedulers and the watchdog. */
@Module({
  imports: [NoticesChannelsModule],
  providers: [NoticesProcessor, NoticeSchedulers, NoticeWatchdog],
  exports: [NoticesProcessor, NoticeWatchdog, NoticeSchedulers, NoticesChannelsModule],
})
export class NoticesWorkerModule {}
