import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '@worksite/api-core';
import { ProjectEntity } from '@worksite/server-data-access';
import { CreateProjectDto, ProjectQueryDto, UpdateProjectDto } from './project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController extends CrudController<
  ProjectEntity,
  CreateProjectDto,
  UpdateProjectDto,
  ProjectQueryDto
>({
  name: 'project',
  createDto: CreateProjectDto,
  updateDto: UpdateProjectDto,
  queryDto: ProjectQueryDto,
  service: ProjectsService,
}) {}
