import { Body, Controller, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ID_PIPE } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { ReplacePredecessorsResult } from '@worksite/shared-domain';
import { ReplacePredecessorsDto } from './predecessors.dto';
import { PredecessorsService } from './predecessors.service';

@ApiTags('dependencies')
@ApiBearerAuth()
@Controller('tasks')
export class PredecessorsController {
  constructor(private readonly predecessors: PredecessorsService) {}

  @Put(':id/predecessors')
  @ApiOperation({
    summary: "Replace a task's predecessors with a list (by id or by code), atomically",
    description:
      'Links not listed are removed, changed ones updated (type, lag), new ones created: one transaction under ' +
      "the project's scheduling lock, one re-scheduling pass (successors pushed as after a link edit), the audit " +
      'entries of one change set (one undo takes it all back). 400 listing each unknown code or id, the task ' +
      'itself, a predecessor twice; 422 `dependency_cycle` naming the tasks of the cycle; nothing written then.',
  })
  @ApiOkResponse({ description: "The task's links now, and how many were created, updated, removed and pushed" })
  @ApiBadRequestResponse({ description: 'Invalid items (each problem listed)' })
  @ApiForbiddenResponse({ description: 'Not a coordinator of the project (nor an admin)' })
  @ApiNotFoundResponse({ description: 'No such task, or one you may not see' })
  @ApiUnprocessableEntityResponse({ description: 'dependency_cycle: a link would close a cycle' })
  replace(
    @Param('id', ID_PIPE) id: string,
    @Body() dto: ReplacePredecessorsDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReplacePredecessorsResult> {
    return this.predecessors.replace(id, dto, actor);
  }
}
