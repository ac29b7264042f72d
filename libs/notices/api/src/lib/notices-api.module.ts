import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { NoticesDataModule } from '@worksite/notices-data-access';
import { AckController } from './ack.controller';
import { NoticeActionsService } from './notice-actions.service';
import {
  DeliveriesController,
  NoticeEscalationsController,
  NoticeRunsController,
  NoticesController,
} from './notices.controllers';
import { NoticesQueryService } from './notices-query.service';
import { QUEUE_DASHBOARD_PATH, QueueDashboard, QueueDashboardGuard, QueueSessionController } from './queue-dashboard';

/** The notices over HTTP: runs, notices, deliveries, escalations, acknowledgement links, queue dashboard. */
@Module({
  imports: [NoticesDataModule],
  controllers: [
    NoticeRunsController,
    NoticesController,
    DeliveriesController,
    NoticeEscalationsController,
    AckController,
    QueueSessionController,
  ],
  providers: [NoticesQueryService, NoticeActionsService, QueueDashboard, QueueDashboardGuard],
})
export class NoticesApiModule implements NestModule {
  constructor(private readonly dashboard: QueueDashboard) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(QueueDashboardGuard, this.dashboard.adapter.getRouter()).forRoutes(QUEUE_DASHBOARD_PATH);
  }
}
