import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '@worksite/api-core';
import { WorkStepEntity } from '@worksite/server-data-access';
import { CreateWorkStepDto, UpdateWorkStepDto, WorkStepQueryDto } from './work-step.dto';
import { WorkStepsService } from './work-steps.service';

/**
 * `/api/work-steps`: the standard work steps (标准工序) a task can be created from. Admins and
 * coordinators list, create and change them (others see none); only admins delete them.
 */
@ApiTags('work-steps')
@Controller('work-steps')
export class WorkStepsController extends CrudController<
  WorkStepEntity,
  CreateWorkStepDto,
  UpdateWorkStepDto,
  WorkStepQueryDto
>({
  name: 'work-step',
  createDto: CreateWorkStepDto,
  updateDto: UpdateWorkStepDto,
  queryDto: WorkStepQueryDto,
  service: WorkStepsService,
}) {}
