import { Controller, Delete, Get, Header, HttpCode, Param, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CrudController, ID_PIPE, PageJson } from '@worksite/api-core';
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
  declare protected readonly service: TasksService;

  /** The day plan and the task table read this all day: the page comes as JSON text from PostgreSQL. */
  @Get()
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: 'List tasks (filtered, paginated)' })
  override list(@Query() query: TaskQueryDto, @CurrentActor() actor: Actor): Promise<PageJson> {
    return this.service.listJson(query, actor);
  }

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
