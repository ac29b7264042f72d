import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '@worksite/api-core';
import { DependencyEntity } from '@worksite/server-data-access';
import { CreateDependencyDto, DependencyQueryDto, UpdateDependencyDto } from './dependency.dto';
import { DependenciesService } from './dependencies.service';

@ApiTags('dependencies')
@Controller('dependencies')
export class DependenciesController extends CrudController<
  DependencyEntity,
  CreateDependencyDto,
  UpdateDependencyDto,
  DependencyQueryDto
>({
  name: 'dependency',
  createDto: CreateDependencyDto,
  updateDto: UpdateDependencyDto,
  queryDto: DependencyQueryDto,
  service: DependenciesService,
}) {}
