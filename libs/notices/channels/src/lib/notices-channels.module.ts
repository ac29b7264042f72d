import { Module } from '@nestjs/common';
import { NoticesDataModule } from '@worksite/notices-data-access';
import { AlertExecutor } from './alert-executor.service';
import { AnnouncementRobotPosts } from './announcement-posts.service';
import { CrewDispatch } from './crew-dispatch.service';
import { DeliveryExecutor } from './delivery-executor.service';
import { EmailChannel } from './email.channel';
import { MakeReadyExecutor } from './make-ready-executor.service';
import { RobotChannel } from './robot.channel';
import { RobotRateLimiter } from './robot-rate-limiter';
import { SmsChannel } from './sms.channel';

const PROVIDERS = [
  EmailChannel,
  RobotChannel,
  SmsChannel,
  RobotRateLimiter,
  DeliveryExecutor,
  CrewDispatch,
  AlertExecutor,
  MakeReadyExecutor,
  AnnouncementRobotPosts,
];

/** Delivery to email, group-chat robots and SMS, on top of the notices' PostgreSQL records. */
@Module({
  imports: [NoticesDataModule],
  providers: PROVIDERS,
  exports: [...PROVIDERS, NoticesDataModule],
})
export class NoticesChannelsModule {}
