import { Module } from '@nestjs/common';
import { SchedulingDataModule } from '@worksite/scheduling-data-access';
import { CrewReportsService } from './crew-reports.service';
import { PpcService } from './ppc.service';
import { CrewReportsController, WeeklyPlansController } from './weekly-plan.controllers';
import { WeeklyPlansService } from './weekly-plans.service';

/** Weekly work plans, the crew leads' taps and PPC (Last Planner); taps re-schedule through SchedulingDataModule. */
@Module({
  imports: [SchedulingDataModule],
  controllers: [WeeklyPlansController, CrewReportsController],
  providers: [WeeklyPlansService, CrewReportsService, PpcService],
  exports: [PpcService],
})
export class WeeklyPlanModule {}
