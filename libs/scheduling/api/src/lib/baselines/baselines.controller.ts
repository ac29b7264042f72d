import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ID_PIPE } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { BaselineComparisonDto, BaselineDetailDto, BaselineDto } from '@worksite/shared-domain';
import { ApiErrorResponse } from '../dto/schedule-responses.dto';
import {
  BaselineComparisonResponse,
  BaselineDetailResponse,
  BaselineListResponse,
  BaselineResponse,
  CompareBaselineQueryDto,
  CreateBaselineDto,
} from './baseline.dto';
import { BaselinesService } from './baselines.service';

const FORBIDDEN = { type: ApiErrorResponse, description: 'Not a coordinator of the project (nor an admin)' };

/** Baselines: saved copies of a project's planned dates, to show slips against. */
@ApiTags('scheduling')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'Project id' })
@ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Invalid id or fields' })
@ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such project or baseline, or one you may not see' })
@Controller('projects')
export class BaselinesController {
  constructor(private readonly baselines: BaselinesService) {}

  @Post(':id/baselines')
  @ApiOperation({ summary: "Save the plan as a baseline: every task's planned start, finish and duration now" })
  @ApiCreatedResponse({ type: BaselineResponse })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description: 'already_exists: the project has a baseline of that name',
  })
  create(
    @Param('id', ID_PIPE) id: string,
    @Body() body: CreateBaselineDto,
    @CurrentActor() actor: Actor,
  ): Promise<BaselineDto> {
    return this.baselines.create(id, actor, body.name);
  }

  @Get(':id/baselines')
  @ApiOperation({ summary: "The project's baselines, newest first" })
  @ApiOkResponse({ type: BaselineListResponse })
  list(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<{ items: BaselineDto[] }> {
    return this.baselines.list(id, actor);
  }

  @Get(':id/baselines/:baselineId')
  @ApiOperation({ summary: 'A baseline with the planned dates of the tasks you may see' })
  @ApiParam({ name: 'baselineId', format: 'uuid' })
  @ApiOkResponse({ type: BaselineDetailResponse })
  detail(
    @Param('id', ID_PIPE) id: string,
    @Param('baselineId', ID_PIPE) baselineId: string,
    @CurrentActor() actor: Actor,
  ): Promise<BaselineDetailDto> {
    return this.baselines.detail(id, baselineId, actor);
  }

  @Get(':id/baselines/:baselineId/compare')
  @ApiOperation({
    summary: 'Tasks whose dates differ from another baseline or the current plan, with the slip in working days',
    description: 'Slips count working time of the project calendar (weekends, holidays, blackouts excluded).',
  })
  @ApiParam({ name: 'baselineId', format: 'uuid' })
  @ApiOkResponse({ type: BaselineComparisonResponse })
  compare(
    @Param('id', ID_PIPE) id: string,
    @Param('baselineId', ID_PIPE) baselineId: string,
    @Query() query: CompareBaselineQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<BaselineComparisonDto> {
    return this.baselines.compare(id, baselineId, query.with ?? 'current', actor);
  }

  @Delete(':id/baselines/:baselineId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a baseline' })
  @ApiParam({ name: 'baselineId', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse(FORBIDDEN)
  remove(
    @Param('id', ID_PIPE) id: string,
    @Param('baselineId', ID_PIPE) baselineId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.baselines.remove(id, baselineId, actor);
  }
}
