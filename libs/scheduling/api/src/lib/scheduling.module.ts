import { Module } from '@nestjs/common';
import { SchedulingDataModule } from '@worksite/scheduling-data-access';
import { TaskChainController } from './chain/task-chain.controller';
import { TaskChainService } from './chain/task-chain.service';
import { BaselinesController } from './baselines/baselines.controller';
import { BaselinesService } from './baselines/baselines.service';
import { ConflictsService } from './conflicts/conflicts.service';
import { ConflictDecisionsController } from './decisions/conflict-decisions.controller';
import { ConflictDecisionsService } from './decisions/conflict-decisions.service';
import { DecisionStore } from './decisions/decision-store';
import { ProjectScheduleController } from './schedule/project-schedule.controller';
import { RecomputeService } from './schedule/recompute.service';
import { ScheduleService } from './schedule/schedule.service';
import { SharedScheduleBodies } from './schedule/shared-bodies';
import { ScheduleWarmup } from './schedule/schedule-warmup';

/**
 * The scheduling API: schedules, recompute, critical path, chains, conflicts with their
 * decisions, and baselines. The network
 * it reads, and the re-scheduling that follows planning's edits, come from SchedulingDataModule.
 */
@Module({
  imports: [SchedulingDataModule],
  controllers: [ProjectScheduleController, TaskChainController, ConflictDecisionsController, BaselinesController],
  providers: [
    ScheduleService,
    SharedScheduleBodies,
    ScheduleWarmup,
    RecomputeService,
    TaskChainService,
    ConflictsService,
    DecisionStore,
    ConflictDecisionsService,
    BaselinesService,
  ],
  exports: [ScheduleService, ConflictsService, BaselinesService],
})
export class SchedulingModule {}
