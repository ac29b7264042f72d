import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ID_PIPE } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { ConflictDto, CriticalPathDto, RecomputeResultDto } from '@worksite/shared-domain';
import { ConflictsService } from '../conflicts/conflicts.service';
import { ConflictQueryDto, RecomputeBodyDto, ScheduleFormQueryDto } from '../dto/schedule-query.dto';
import { acceptedEncoding } from './schedule-body';
import { COMPACT_SCHEDULE_MEDIA_TYPE } from '@worksite/schedule-wire';
import {
  ApiErrorResponse,
  ConflictListResponse,
  CriticalPathResponse,
  ProjectScheduleResponse,
  RecomputeResponse,
} from '../dto/schedule-responses.dto';
import { RecomputeService } from './recompute.service';
import { ScheduleService } from './schedule.service';

const NOT_FOUND = { type: ApiErrorResponse, description: 'No such project, or one you may not see' };
const BAD_ID = { type: ApiErrorResponse, description: 'The id is not a UUID, or a parameter is invalid' };
const UNSCHEDULABLE = {
  type: ApiErrorResponse,
  description: 'The stored plan cannot be scheduled (e.g. dates outside the calendar)',
};

/** A project's schedule as the engine computes it: dates, floats, critical path, recompute, conflicts. */
@ApiTags('scheduling')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'Project id' })
@ApiBadRequestResponse(BAD_ID)
@ApiNotFoundResponse(NOT_FOUND)
@ApiUnprocessableEntityResponse(UNSCHEDULABLE)
@Controller('projects')
export class ProjectScheduleController {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly recomputes: RecomputeService,
    private readonly conflictsService: ConflictsService,
  ) {}

  @Get(':id/schedule')
  @ApiOperation({
    summary: 'The project schedule: calendar, tasks with early/late dates and floats, links, critical path, violations',
    description:
      'Computed over the whole project, then limited to the tasks you may see and the links between them. ' +
      'The calendar and the task fields feed SchedulingEngine.create in the browser unchanged (see the README). ' +
      'form=compact (or Accept: application/vnd.worksite.schedule-compact+json) answers the same in columns (a tenth of the size; @worksite/schedule-wire decodes it); ' +
      'both are compressed with br or gzip when Accept-Encoding allows.',
  })
  @ApiOkResponse({ type: ProjectScheduleResponse })
  async schedule(
    @Param('id', ID_PIPE) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: ScheduleFormQueryDto,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const form = query.form ?? (accept?.includes(COMPACT_SCHEDULE_MEDIA_TYPE) ? 'compact' : 'full');
    // Sent as prepared bytes: a 10,000-task schedule is served from the cache without re-serialising or recompressing.
    const { body, encoding } = await this.schedules.scheduleBody(id, actor, form, acceptedEncoding(acceptEncoding));
    response.vary('Accept-Encoding').vary('Accept');
    response.setHeader(
      'Content-Type',
      `${form === 'compact' ? COMPACT_SCHEDULE_MEDIA_TYPE : 'application/json'}; charset=utf-8`,
    );
    if (encoding) response.setHeader('Content-Encoding', encoding);
    response.send(body);
  }

  @Post(':id/recompute')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bring the automatic tasks to the dates the engine computes: dry run by default, apply: true writes',
    description:
      'Anyone who can see the project may ask for the dry run; only its coordinators and admins may apply. ' +
      'Applying writes every move in one transaction, each conditional on the version it was computed from.',
  })
  @ApiBody({ type: RecomputeBodyDto, required: false })
  @ApiOkResponse({ type: RecomputeResponse })
  @ApiForbiddenResponse({ type: ApiErrorResponse, description: 'apply: true by someone who may not change the plan' })
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description: 'schedule_conflict: tasks changed meanwhile; nothing written',
  })
  recompute(
    @Param('id', ID_PIPE) id: string,
    @Body() body: RecomputeBodyDto,
    @CurrentActor() actor: Actor,
  ): Promise<RecomputeResultDto> {
    return this.recomputes.recompute(id, actor, body?.apply === true);
  }

  @Get(':id/critical-path')
  @ApiOperation({ summary: 'The critical tasks (no float) ordered by start, and the project finish' })
  @ApiOkResponse({ type: CriticalPathResponse })
  criticalPath(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<CriticalPathDto> {
    return this.schedules.criticalPath(id, actor);
  }

  @Get(':id/conflicts')
  @ApiOperation({
    summary: 'Clashes of the planned work in a range of local days (default today and the next 14 days, at most 92)',
    description:
      'Location clashes, crew double bookings, dependency and constraint violations, work in blackouts or ' +
      'outside the working windows, and cuts overlapping work that needs the utility; only those involving ' +
      'a task you may see.',
  })
  @ApiOkResponse({ type: ConflictListResponse })
  conflicts(
    @Param('id', ID_PIPE) id: string,
    @Query() query: ConflictQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: ConflictDto[] }> {
    return this.conflictsService.conflicts(id, actor, query);
  }
}
