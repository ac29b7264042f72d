import { Module } from '@nestjs/common';
import { SchedulingDataModule } from '@worksite/scheduling-data-access';
import {
  AgencyBlocksController,
  ConstraintsController,
  ProjectReadinessController,
  TaskConstraintsController,
} from './make-ready.controller';
import { ConstraintsService } from './constraints.service';
import { LookAheadService } from './look-ahead.service';

/** Make-ready (issue 15): constraints on tasks, readiness, the look-ahead and the agencies' blocks. */
@Module({
  imports: [SchedulingDataModule],
  controllers: [TaskConstraintsController, ConstraintsController, ProjectReadinessController, AgencyBlocksController],
  providers: [ConstraintsService, LookAheadService],
  exports: [ConstraintsService, LookAheadService],
})
export class MakeReadyModule {}
