import { Module } from '@nestjs/common';
import { SchedulingModule } from '@worksite/scheduling-api';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Printed reports drawn from the schedule: the Gantt and the day plan as PDF. */
@Module({
  imports: [SchedulingModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
