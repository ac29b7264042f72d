import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ID_PIPE } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { BulkTaskResult } from '@worksite/shared-domain';
import { BulkTaskDto } from './task-bulk.dto';
import { TaskBulkService } from './task-bulk.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('projects')
export class TaskBulkController {
  constructor(private readonly bulk: TaskBulkService) {}

  @Post(':id/tasks/bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change or delete several tasks of the project at once',
    description:
      'Either `delete` (with `removeLinks` when the tasks have dependencies, else 409) or any of ' +
      '`shiftWorkingDays`, `crewId`, `status`, for at most 1,000 tasks with the versions read. One ' +
      'transaction: every task must be in the project and visible (else 404), the project one you plan ' +
      '(else 403), and every version current (else 409 naming the changed tasks, nothing written). ' +
      'An audit entry per task; one re-scheduling pass pushes the successors.',
  })
  @ApiOkResponse({ description: 'The tasks as stored now, the deleted ids, removed links and pushed successors' })
  apply(
    @Param('id', ID_PIPE) projectId: string,
    @Body() dto: BulkTaskDto,
    @CurrentActor() actor: Actor,
  ): Promise<BulkTaskResult> {
    return this.bulk.apply(projectId, dto, actor);
  }
}
