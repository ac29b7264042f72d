import { Resource } from '@worksite/auth-access';
import { Injectable } from '@nestjs/common';
import { containing, CrudService } from '@worksite/api-core';
import { DepartmentEntity } from '@worksite/server-data-access';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CreateDepartmentDto, DepartmentQueryDto, UpdateDepartmentDto } from './department.dto';

@Injectable()
export class DepartmentsService extends CrudService<DepartmentEntity, CreateDepartmentDto, UpdateDepartmentDto> {
  protected readonly entity = DepartmentEntity;
  protected readonly resource = Resource.Department;
  protected readonly order = { name: 'ASC' as const };

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<DepartmentEntity>, query: DepartmentQueryDto) {
    if (query.kind) builder.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.q) builder.andWhere('e.name ILIKE :q', { q: containing(query.q) });
    return builder;
  }
}
