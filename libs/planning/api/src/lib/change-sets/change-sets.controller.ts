import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ID_PIPE } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { CHANGE_SET_HEADER, ChangeSetRevertDto, RenumberedTaskDto } from '@worksite/shared-domain';
import { ChangeSetsService } from './change-sets.service';

class RenumberedTaskResponse implements RenumberedTaskDto {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The code it had, now held by a newer task' }) previousCode!: number;
  @ApiProperty({ description: 'The code it has now' }) code!: number;
}

class ChangeSetRevertResponse implements ChangeSetRevertDto {
  @ApiProperty({ format: 'uuid', description: 'The change set of this undo (or redo); redo it to take it back' })
  changeSetId!: string;
  @ApiProperty({ format: 'uuid', description: 'The change set undone' }) revertsId!: string;
  @ApiProperty({ type: [String] }) projectIds!: string[];
  @ApiProperty({ type: [String], description: 'Tasks written, those the re-scheduling pushed included' })
  taskIds!: string[];
  @ApiProperty({ type: [String] }) dependencyIds!: string[];
  @ApiProperty({
    type: [RenumberedTaskResponse],
    description: 'Deleted tasks brought back under a new code: a newer task of the project holds their old one',
  })
  renumbered!: RenumberedTaskResponse[];
}

/**
 * Undo and redo. Every write request runs in a change set: the one its `X-Change-Set` header
 * names (a UUID chosen by the client, so several requests of one user action form one change
 * set) or a new one; the answer's `X-Change-Set` header names it.
 */
@ApiTags('change-sets')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'Change set id (the X-Change-Set of the edit)' })
@ApiHeader({ name: CHANGE_SET_HEADER, required: false, description: 'Change set of the undo itself (UUID)' })
@ApiOkResponse({ type: ChangeSetRevertResponse })
@ApiBadRequestResponse({ description: 'Invalid id or X-Change-Set header' })
@ApiForbiddenResponse({
  description: 'Not a planner of the project, or not the author of the change set (nor an admin)',
})
@ApiNotFoundResponse({ description: 'No such change set, or one of a project you may not see' })
@ApiConflictResponse({
  description:
    'change_set_stale: a row was changed since (the message names the task; nothing written); ' +
    'change_set_already_undone, change_set_not_an_undo, change_set_nothing',
})
@ApiUnprocessableEntityResponse({ description: 'change_set_not_undoable, or the restored plan cannot be scheduled' })
@Controller('change-sets')
export class ChangeSetsController {
  constructor(private readonly changeSets: ChangeSetsService) {}

  @Post(':id/undo')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Undo a change set: every task and dependency it wrote goes back (successors it pushed included), in one ' +
      'transaction, each row conditional on its version; then the project is re-scheduled as after an edit',
  })
  undo(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<ChangeSetRevertDto> {
    return this.changeSets.undo(id, actor);
  }

  @Post(':id/redo')
  @HttpCode(200)
  @ApiOperation({ summary: 'Redo: undo an undo (`id` is the change set an undo answered with)' })
  redo(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<ChangeSetRevertDto> {
    return this.changeSets.redo(id, actor);
  }
}
