import { Resource } from '@worksite/auth-access';
import { Injectable } from '@nestjs/common';
import { ApiError, containing, CrudService } from '@worksite/api-core';
import { ContractorEntity, CrewEntity } from '@worksite/server-data-access';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CreateCrewDto, CrewQueryDto, UpdateCrewDto } from './crew.dto';

@Injectable()
export class CrewsService extends CrudService<CrewEntity, CreateCrewDto, UpdateCrewDto> {
  protected readonly entity = CrewEntity;
  protected readonly resource = Resource.Crew;
  protected readonly order = { name: 'ASC' as const };

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<CrewEntity>, query: CrewQueryDto) {
    if (query.contractorId)
      builder.andWhere('e.contractorId = :contractorId', {
        contractorId: query.contractorId,
      });
    if (query.departmentId)
      builder.andWhere('e.departmentId = :departmentId', {
        departmentId: query.departmentId,
      });
    if (query.q)
      builder.andWhere('(e.name ILIKE :q OR e.leaderName ILIKE :q)', {
        q: containing(query.q),
      });
    return builder;
  }

  protected override async toCreateValues(dto: CreateCrewDto, manager: EntityManager): Promise<Partial<CrewEntity>> {
    if (dto.departmentId) return { ...dto };
    const contractor = await manager.findOne(ContractorEntity, {
      where: { id: dto.contractorId },
    });
    if (!contractor) {
      throw ApiError.missingReference('contractorId', 'contractor');
    }
    return { ...dto, departmentId: contractor.departmentId };
  }
}
