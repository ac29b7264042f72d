import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '@worksite/api-core';
import { DepartmentEntity } from '@worksite/server-data-access';
import { CreateDepartmentDto, DepartmentQueryDto, UpdateDepartmentDto } from './department.dto';
import { DepartmentsService } from './departments.service';

@ApiTags('departments')
@Controller('departments')
export class DepartmentsController extends CrudController<
  DepartmentEntity,
  CreateDepartmentDto,
  UpdateDepartmentDto,
  DepartmentQueryDto
>({
  name: 'department',
  createDto: CreateDepartmentDto,
  updateDto: UpdateDepartmentDto,
  queryDto: DepartmentQueryDto,
  service: DepartmentsService,
}) {}
