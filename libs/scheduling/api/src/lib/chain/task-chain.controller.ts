import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ID_PIPE } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { TaskChainDto } from '@worksite/shared-domain';
import { ChainQueryDto } from '../dto/schedule-query.dto';
import { ApiErrorResponse, TaskChainResponse } from '../dto/schedule-responses.dto';
import { TaskChainService } from './task-chain.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller('tasks')
export class TaskChainController {
  constructor(private readonly chains: TaskChainService) {}

  @Get(':id/chain')
  @ApiOperation({
    summary: 'Who a task waits for and who waits for it (transitive), with expected dates and driving links',
    description:
      'The task must be one you may see. Chain items outside what you may otherwise read are included ' +
      'with their summary only (readable: false), so an agency sees whom it waits for.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Task id' })
  @ApiOkResponse({ type: TaskChainResponse })
  @ApiBadRequestResponse({
    type: ApiErrorResponse,
    description: 'The id is not a UUID, or direction/maxDepth is invalid',
  })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such task, or one you may not see' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'The stored plan cannot be scheduled' })
  chain(
    @Param('id', ID_PIPE) id: string,
    @Query() query: ChainQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<TaskChainDto> {
    return this.chains.chain(id, actor, query.direction ?? 'both', query.maxDepth);
  }
}
