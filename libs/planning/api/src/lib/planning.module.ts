import { Module } from '@nestjs/common';
import { BlackoutWindowsService, CalendarExceptionsService } from './calendars/calendar-parts.service';
import {
  BlackoutWindowsController,
  CalendarExceptionsController,
  CalendarsController,
} from './calendars/calendars.controller';
import { CalendarsService } from './calendars/calendars.service';
import { DependenciesController } from './dependencies/dependencies.controller';
import { DependenciesService } from './dependencies/dependencies.service';
import { ProjectCalendarService } from './projects/project-calendar.service';
import { ProjectsController } from './projects/projects.controller';
import { ProjectsService } from './projects/projects.service';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';

/** Calendars, projects, tasks and their dependencies. */
@Module({
  controllers: [
    CalendarsController,
    CalendarExceptionsController,
    BlackoutWindowsController,
    ProjectsController,
    TasksController,
    DependenciesController,
  ],
  providers: [
    CalendarsService,
    CalendarExceptionsService,
    BlackoutWindowsService,
    ProjectCalendarService,
    ProjectsService,
    TasksService,
    DependenciesService,
  ],
  exports: [ProjectCalendarService, ProjectsService, TasksService, DependenciesService],
})
export class PlanningModule {}
