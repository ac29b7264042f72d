import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import { ConflictAssigneesDto, ConflictDecisionDto } from '@worksite/shared-domain';
import { ApiErrorResponse } from '../dto/schedule-responses.dto';
import {
  ConflictAssigneesResponse,
  ConflictDecisionBodyDto,
  ConflictDecisionListResponse,
  ConflictDecisionQueryDto,
  ConflictDecisionResponse,
} from './conflict-decision.dto';
import { ConflictDecisionsService } from './conflict-decisions.service';

const FORBIDDEN = { type: ApiErrorResponse, description: 'Not a coordinator of the project (nor an admin)' };

/** Decision records of a project's clashes: accept, resolve, escalate, reopen, and their history. */
@ApiTags('scheduling')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'Project id' })
@ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Invalid id or fields (each problem listed)' })
@ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such project, or one you may not see' })
@Controller('projects')
export class ConflictDecisionsController {
  constructor(private readonly decisions: ConflictDecisionsService) {}

  @Post(':id/conflict-decisions')
  @ApiOperation({
    summary:
      'Decide a clash: accept (with a reason), resolve (linked to an edit), escalate (to whom, with a note), reopen',
    description:
      "Made against the versions of the clash's tasks (its taskIds and taskVersions from GET …/conflicts): 409 " +
      '`conflict_decision_stale` when one changed since. An accepted or resolved clash stops counting; it reopens by ' +
      'itself when one of its tasks changes in dates, crew, location, status, mode, constraint, needed utilities or ' +
      'interruption. 404 `conflict_not_found` when the plan no longer has the clash.',
  })
  @ApiCreatedResponse({ type: ConflictDecisionResponse })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'conflict_decision_stale, conflict_already_open' })
  @ApiUnprocessableEntityResponse({
    type: ApiErrorResponse,
    description: 'conflict_resolve_no_edit: resolve without an edit to link',
  })
  decide(
    @Param('id', ID_PIPE) id: string,
    @Body() body: ConflictDecisionBodyDto,
    @CurrentActor() actor: Actor,
  ): Promise<ConflictDecisionDto> {
    return this.decisions.decide(id, actor, body);
  }

  @Get(':id/conflict-decisions')
  @ApiOperation({
    summary: 'The history of decisions on one clash, oldest first (automatic reopenings included)',
    description: "For anyone who sees the project and one of the clash's tasks.",
  })
  @ApiOkResponse({ type: ConflictDecisionListResponse })
  history(
    @Param('id', ID_PIPE) id: string,
    @Query() query: ConflictDecisionQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: ConflictDecisionDto[] }> {
    return this.decisions.history(id, actor, query.key);
  }

  @Get(':id/conflict-decisions/assignees')
  @ApiOperation({
    summary: "Whom a clash can be escalated to: active admins, the project's coordinators, agency users; departments",
  })
  @ApiOkResponse({ type: ConflictAssigneesResponse })
  @ApiForbiddenResponse(FORBIDDEN)
  assignees(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<ConflictAssigneesDto> {
    return this.decisions.assignees(id, actor);
  }
}
