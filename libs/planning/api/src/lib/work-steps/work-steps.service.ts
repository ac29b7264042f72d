import { Injectable } from '@nestjs/common';
import { Resource } from '@worksite/auth-access';
import { containing, CrudService } from '@worksite/api-core';
import { WorkStepEntity } from '@worksite/server-data-access';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CreateWorkStepDto, UpdateWorkStepDto, WorkStepQueryDto } from './work-step.dto';

/** Standard work steps: read and kept by the planners (admins, coordinators), deleted by admins (reference data). */
@Injectable()
export class WorkStepsService extends CrudService<WorkStepEntity, CreateWorkStepDto, UpdateWorkStepDto> {
  protected readonly entity = WorkStepEntity;
  protected readonly resource = Resource.WorkStep;
  protected readonly order = { name: 'ASC' as const };

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<WorkStepEntity>, query: WorkStepQueryDto) {
    if (query.departmentKind) builder.andWhere('e.departmentKind = :kind', { kind: query.departmentKind });
    if (query.q) builder.andWhere('e.name ILIKE :q', { q: containing(query.q) });
    return builder;
  }
}
