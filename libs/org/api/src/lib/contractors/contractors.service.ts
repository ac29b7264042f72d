import { Resource } from '@worksite/auth-access';
import { Injectable } from '@nestjs/common';
import { containing, CrudService } from '@worksite/api-core';
import { ContractorEntity } from '@worksite/server-data-access';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ContractorQueryDto, CreateContractorDto, UpdateContractorDto } from './contractor.dto';

@Injectable()
export class ContractorsService extends CrudService<ContractorEntity, CreateContractorDto, UpdateContractorDto> {
  protected readonly entity = ContractorEntity;
  protected readonly resource = Resource.Contractor;
  protected readonly order = { name: 'ASC' as const };

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<ContractorEntity>, query: ContractorQueryDto) {
    if (query.departmentId)
      builder.andWhere('e.departmentId = :departmentId', {
        departmentId: query.departmentId,
      });
    if (query.q) builder.andWhere('e.name ILIKE :q', { q: containing(query.q) });
    return builder;
  }
}
