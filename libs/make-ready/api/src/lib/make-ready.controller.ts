import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ID_PIPE } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { ConstraintOwnerCandidate, MakeReadyConstraintDto, TaskReadinessDto } from '@worksite/shared-make-ready';
import type { Response } from 'express';
import {
  AgencyBlocksQueryDto,
  ConstraintVersionDto,
  CreateConstraintDto,
  DeleteConstraintQueryDto,
  LookAheadQueryDto,
  ReadinessQueryDto,
  UpdateConstraintDto,
} from './constraint.dto';
import { ConstraintsService } from './constraints.service';
import { LookAheadService, RowsText } from './look-ahead.service';

/** A reading with its rows as the database wrote them (thousands of rows: no objects in between). */
function sendRows<T>(response: Response, { head, rowsJson }: RowsText<T>): void {
  response.type('application/json').send(`${JSON.stringify(head).slice(0, -1)},"rows":${rowsJson}}`);
}

const PLANNERS = "make_ready_planners_only: not a coordinator of the task's project (nor an admin)";
const CLEARERS = 'make_ready_clear_planner_or_owner: neither a planner of the project nor the owner';
const STALE = 'version_conflict (a stale version), make_ready_already_cleared, make_ready_already_open';

/** A task's make-ready constraints. */
@ApiTags('make-ready')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such task, or one you may not see' })
@Controller('tasks')
export class TaskConstraintsController {
  constructor(private readonly constraints: ConstraintsService) {}

  @Get(':taskId/constraints')
  @ApiOperation({ summary: "The task's constraints (open first, by due date), for whoever reads the task" })
  list(@Param('taskId', ID_PIPE) taskId: string, @CurrentActor() actor: Actor): Promise<MakeReadyConstraintDto[]> {
    return this.constraints.list(taskId, actor);
  }

  @Post(':taskId/constraints')
  @ApiOperation({
    summary: "Add a constraint (planners). residents_told links the task's announcement when it has one",
  })
  @ApiForbiddenResponse({ description: PLANNERS })
  create(
    @Param('taskId', ID_PIPE) taskId: string,
    @Body() body: CreateConstraintDto,
    @CurrentActor() actor: Actor,
  ): Promise<MakeReadyConstraintDto> {
    return this.constraints.create(taskId, body, actor);
  }
}

/** One constraint: change, clear, reopen, delete. */
@ApiTags('make-ready')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such constraint, or one on a task you may not see' })
@Controller('constraints')
export class ConstraintsController {
  constructor(private readonly constraints: ConstraintsService) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Change kind, description, owner (a department or a user) or due date (planners)' })
  @ApiForbiddenResponse({ description: PLANNERS })
  @ApiConflictResponse({ description: STALE })
  update(
    @Param('id', ID_PIPE) id: string,
    @Body() body: UpdateConstraintDto,
    @CurrentActor() actor: Actor,
  ): Promise<MakeReadyConstraintDto> {
    return this.constraints.update(id, body, actor);
  }

  @Post(':id/clear')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear it (who and when recorded): planners, or the owner' })
  @ApiForbiddenResponse({ description: CLEARERS })
  @ApiConflictResponse({ description: STALE })
  clear(
    @Param('id', ID_PIPE) id: string,
    @Body() body: ConstraintVersionDto,
    @CurrentActor() actor: Actor,
  ): Promise<MakeReadyConstraintDto> {
    return this.constraints.clear(id, body.version, actor);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open a cleared constraint again: planners, or the owner' })
  @ApiForbiddenResponse({ description: CLEARERS })
  @ApiConflictResponse({ description: STALE })
  reopen(
    @Param('id', ID_PIPE) id: string,
    @Body() body: ConstraintVersionDto,
    @CurrentActor() actor: Actor,
  ): Promise<MakeReadyConstraintDto> {
    return this.constraints.reopen(id, body.version, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete it (planners); ?version= the version you read' })
  @ApiForbiddenResponse({ description: PLANNERS })
  @ApiConflictResponse({ description: 'version_conflict (a stale version)' })
  remove(
    @Param('id', ID_PIPE) id: string,
    @Query() query: DeleteConstraintQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.constraints.remove(id, query.version, actor);
  }
}

/** A project's readiness and look-ahead. */
@ApiTags('make-ready')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such project, or one you may not see' })
@Controller('projects')
export class ProjectReadinessController {
  constructor(
    private readonly lookAhead: LookAheadService,
    private readonly constraints: ConstraintsService,
  ) {}

  @Get(':projectId/constraint-owners')
  @ApiOperation({
    summary:
      "Whom the project's planners may name as a constraint's owner: themselves, the project's coordinators, the leads of its crews, the agency users of its departments",
  })
  @ApiForbiddenResponse({ description: 'make_ready_planners_only' })
  ownerCandidates(
    @Param('projectId', ID_PIPE) projectId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ConstraintOwnerCandidate[]> {
    return this.constraints.ownerCandidates(projectId, actor);
  }

  @Get(':projectId/readiness')
  @ApiOperation({
    summary: 'Every task (you may read, working in from…to if given) that has constraints; tasks absent are ready',
  })
  readiness(
    @Param('projectId', ID_PIPE) projectId: string,
    @Query() query: ReadinessQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ tasks: TaskReadinessDto[] }> {
    return this.lookAhead.readiness(projectId, query, actor);
  }

  @Get(':projectId/look-ahead')
  @ApiOperation({
    summary: 'The next 2–6 weeks (default 6, from today): tasks by planned start with readiness, constraints, owners',
  })
  async window(
    @Param('projectId', ID_PIPE) projectId: string,
    @Query() query: LookAheadQueryDto,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    sendRows(response, await this.lookAhead.lookAhead(projectId, query, actor));
  }
}

/** An agency's view: what blocks its tasks. */
@ApiTags('make-ready')
@ApiBearerAuth()
@Controller('agency')
export class AgencyBlocksController {
  constructor(private readonly lookAhead: LookAheadService) {}

  @Get('blocks')
  @ApiOperation({
    summary:
      "The department's tasks of the coming weeks with the open constraints on them and upstream of them (owners, due dates)",
  })
  @ApiForbiddenResponse({ description: 'make_ready_department_other, make_ready_blocks_agencies_only' })
  async blocks(
    @Query() query: AgencyBlocksQueryDto,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    sendRows(response, await this.lookAhead.agencyBlocks(query, actor));
  }
}
