import { Module } from '@nestjs/common';
import { SchedulingDataModule } from '@worksite/scheduling-data-access';
import { BlackoutWindowsService, CalendarExceptionsService } from './calendars/calendar-parts.service';
import {
  BlackoutWindowsController,
  CalendarExceptionsController,
  CalendarsController,
} from './calendars/calendars.controller';
import { CalendarsService } from './calendars/calendars.service';
import { ChangeSetsController } from './change-sets/change-sets.controller';
import { ChangeSetsService } from './change-sets/change-sets.service';
import { DependenciesController } from './dependencies/dependencies.controller';
import { DependenciesService } from './dependencies/dependencies.service';
import { PredecessorsController } from './dependencies/predecessors.controller';
import { PredecessorsService } from './dependencies/predecessors.service';
import { ProjectsController } from './projects/projects.controller';
import { ProjectsService } from './projects/projects.service';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { TaskBulkController } from './tasks/bulk/task-bulk.controller';
import { TaskBulkService } from './tasks/bulk/task-bulk.service';
import { WorkStepsController } from './work-steps/work-steps.controller';
import { WorkStepsService } from './work-steps/work-steps.service';

/** Calendars, projects, tasks and their dependencies; their edits re-schedule through SchedulingDataModule. */
@Module({
  imports: [SchedulingDataModule],
  controllers: [
    CalendarsController,
    CalendarExceptionsController,
    BlackoutWindowsController,
    ProjectsController,
    TasksController,
    DependenciesController,
    PredecessorsController,
    TaskBulkController,
    WorkStepsController,
    ChangeSetsController,
  ],
  providers: [
    CalendarsService,
    CalendarExceptionsService,
    BlackoutWindowsService,
    ProjectsService,
    TasksService,
    DependenciesService,
    PredecessorsService,
    TaskBulkService,
    WorkStepsService,
    ChangeSetsService,
  ],
  exports: [ProjectsService, TasksService, DependenciesService],
})
export class PlanningModule {}
