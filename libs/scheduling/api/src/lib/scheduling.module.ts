import { Global, Module } from '@nestjs/common';
import { PlanningModule, TASK_RESCHEDULER } from '@worksite/planning-api';
import { TaskChainController } from './chain/task-chain.controller';
import { TaskChainService } from './chain/task-chain.service';
import { ConflictsService } from './conflicts/conflicts.service';
import { ProjectNetworkService } from './network/project-network.service';
import { ProjectRescheduler } from './rescheduler/project-rescheduler.service';
import { ProjectScheduleController } from './schedule/project-schedule.controller';
import { RecomputeService } from './schedule/recompute.service';
import { ScheduleService } from './schedule/schedule.service';

/**
 * The scheduling API: schedules, recompute, critical path, chains and conflicts, and the
 * re-scheduling that follows planning's edits. Global so that PlanningModule's services
 * receive TASK_RESCHEDULER without importing this module (which imports PlanningModule).
 */
@Global()
@Module({
  imports: [PlanningModule],
  controllers: [ProjectScheduleController, TaskChainController],
  providers: [
    ProjectNetworkService,
    ScheduleService,
    RecomputeService,
    TaskChainService,
    ConflictsService,
    ProjectRescheduler,
    { provide: TASK_RESCHEDULER, useExisting: ProjectRescheduler },
  ],
  exports: [TASK_RESCHEDULER, ProjectNetworkService, ScheduleService],
})
export class SchedulingModule {}
