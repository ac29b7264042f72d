import { Controller, Delete, HttpCode, Param, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CrudController, ID_PIPE } from '@worksite/api-core';
import { TaskEntity } from '@worksite/server-data-access';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { CreateTaskDto, DeleteTaskQueryDto, TaskQueryDto, UpdateTaskDto } from './task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController extends CrudController<TaskEntity, CreateTaskDto, UpdateTaskDto, TaskQueryDto>({
  name: 'task',
  createDto: CreateTaskDto,
  updateDto: UpdateTaskDto,
  queryDto: TaskQueryDto,
  service: TasksService,
}) {
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a task; 409 if it has dependencies unless removeLinks=true',
  })
  @ApiNoContentResponse()
  override remove(
    @Param('id', ID_PIPE) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: DeleteTaskQueryDto = {},
  ): Promise<void> {
    return this.service.remove(id, actor, { removeLinks: query.removeLinks === true });
  }
}
