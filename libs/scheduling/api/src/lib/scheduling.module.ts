import { Module } from '@nestjs/common';
import { SchedulingDataModule } from '@worksite/scheduling-data-access';
import { TaskChainController } from './chain/task-chain.controller';
import { TaskChainService } from './chain/task-chain.service';
import { ConflictsService } from './conflicts/conflicts.service';
import { ProjectScheduleController } from './schedule/project-schedule.controller';
import { RecomputeService } from './schedule/recompute.service';
import { ScheduleService } from './schedule/schedule.service';

/**
 * The scheduling API: schedules, recompute, critical path, chains and conflicts. The network
 * it reads, and the re-scheduling that follows planning's edits, come from SchedulingDataModule.
 */
@Module({
  imports: [SchedulingDataModule],
  controllers: [ProjectScheduleController, TaskChainController],
  providers: [ScheduleService, RecomputeService, TaskChainService, ConflictsService],
  exports: [ScheduleService],
})
export class SchedulingModule {}
