import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { attachmentHeader, ID_PIPE, localeOf, SPREADSHEET_TYPE } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import {
  CrewDayReportsDto,
  CrewReportBatchResult,
  CrewReportResult,
  PpcReportDto,
  WeeklyPlanDto,
} from '@worksite/shared-make-ready';
import type { Request, Response } from 'express';
import { CrewReportsService } from './crew-reports.service';
import { PpcService } from './ppc.service';

import {
  CommitTasksDto,
  CrewDayReportsQueryDto,
  CrewReportBatchDto,
  CrewReportDto,
  PpcQueryDto,
} from './weekly-plan.dto';
import { WeeklyPlansService } from './weekly-plans.service';

const WEEK = { name: 'weekStart', example: '2026-11-30', description: "The week's Monday (local date, project zone)" };
const COMMITTERS = "The project's coordinators and administrators (any task); a crew lead (their crews' tasks only)";

/** A project's weekly work plans: commitments before the week begins, frozen after. */
@ApiTags('weekly plans')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such project (or task), or one you may not see' })
@Controller('projects')
export class WeeklyPlansController {
  constructor(
    private readonly plans: WeeklyPlansService,
    private readonly ppc: PpcService,
  ) {}

  @Get(':id/weekly-plans/:weekStart')
  @ApiParam(WEEK)
  @ApiOperation({
    summary: "A week's plan: the commitments (with outcomes) and the week's other tasks as candidates",
    description: 'Whoever sees the project; each sees the tasks they may read.',
  })
  get(
    @Param('id', ID_PIPE) id: string,
    @Param('weekStart') week: string,
    @CurrentActor() actor: Actor,
  ): Promise<WeeklyPlanDto> {
    return this.plans.get(id, week, actor);
  }

  @Post(':id/weekly-plans/:weekStart/commitments')
  @HttpCode(200)
  @ApiParam(WEEK)
  @ApiOperation({
    summary: 'Commit tasks to the week (already committed ones are left as they are)',
    description: COMMITTERS,
  })
  @ApiForbiddenResponse({ description: COMMITTERS })
  @ApiConflictResponse({ description: 'weekly_plan_frozen: the week has begun in the project zone' })
  commit(
    @Param('id', ID_PIPE) id: string,
    @Param('weekStart') week: string,
    @Body() body: CommitTasksDto,
    @CurrentActor() actor: Actor,
  ): Promise<WeeklyPlanDto> {
    return this.plans.commit(id, week, body.taskIds, actor);
  }

  @Delete(':id/weekly-plans/:weekStart/commitments/:taskId')
  @ApiParam(WEEK)
  @ApiOperation({ summary: 'Withdraw a commitment before the week begins', description: COMMITTERS })
  @ApiForbiddenResponse({ description: COMMITTERS })
  @ApiConflictResponse({ description: 'weekly_plan_frozen: the week has begun in the project zone' })
  uncommit(
    @Param('id', ID_PIPE) id: string,
    @Param('weekStart') week: string,
    @Param('taskId', ID_PIPE) taskId: string,
    @CurrentActor() actor: Actor,
  ): Promise<WeeklyPlanDto> {
    return this.plans.uncommit(id, week, taskId, actor);
  }

  @Get(':id/ppc')
  @ApiOperation({
    summary: 'Percent plan complete per week (with TMR), department and crew, and the reasons for variance',
    description:
      'Weeks from `from` to `to` (default the last 12). Whoever sees the project, over the commitments of the tasks they may read.',
  })
  report(
    @Param('id', ID_PIPE) id: string,
    @Query() query: PpcQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<PpcReportDto> {
    return this.ppc.report(id, query, actor);
  }

  @Get(':id/ppc.xlsx')
  @ApiProduces(SPREADSHEET_TYPE)
  @ApiOkResponse({ description: 'Sheets 周PPC, 部门, 班组, 未完成原因; Chinese headers, frozen header row' })
  @ApiOperation({ summary: 'The PPC report as a spreadsheet' })
  async workbook(
    @Param('id', ID_PIPE) id: string,
    @Query() query: PpcQueryDto,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const { filename, content } = await this.ppc.workbook(id, query, actor);
    response.setHeader('Content-Type', SPREADSHEET_TYPE);
    response.setHeader('Content-Disposition', attachmentHeader(filename));
    response.send(content);
  }
}

/** The crew lead's taps on their tasks: one at a time, or the phone's offline queue at once. */
@ApiTags('weekly plans')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such task, or one you may not see' })
@Controller('crew/reports')
export class CrewReportsController {
  constructor(private readonly reports: CrewReportsService) {}

  @Get()
  @ApiOperation({
    summary: "The taps recorded on a crew's tasks on one local day, oldest first (what the phone shows after a reload)",
    description:
      'Over the tasks the caller sees: a crew lead their crews’, agencies their department’s, planners their projects’.',
  })
  day(@Query() query: CrewDayReportsQueryDto, @CurrentActor() actor: Actor): Promise<CrewDayReportsDto> {
    return this.reports.day(query, actor);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'A tap: started, progress, done, or not done with a reason; the same clientKey twice is applied once',
    description: "Crew leads on their crews' tasks, agencies on their department's, planners on their projects'.",
  })
  @ApiForbiddenResponse({ description: 'Not your crew’s task, or a role that only reads' })
  @ApiConflictResponse({ description: 'The task is cancelled, or the key was used for another tap' })
  report(@Body() body: CrewReportDto, @CurrentActor() actor: Actor): Promise<CrewReportResult> {
    return this.reports.report(body, actor);
  }

  @Post('batch')
  @HttpCode(200)
  @ApiOperation({
    summary: "The phone's offline queue: each tap applied on its own, results in order (error: why it was refused)",
  })
  batch(
    @Body() body: CrewReportBatchDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<CrewReportBatchResult> {
    return this.reports.batch(body.reports, actor, localeOf(request));
  }
}
