import { Actor, maySeeCrewContacts, Resource } from '@worksite/auth-access';
import { Injectable } from '@nestjs/common';
import { ApiError, containing, CrudService, Page, PageQueryDto } from '@worksite/api-core';
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

  override async list(query: PageQueryDto, actor: Actor): Promise<Page<CrewEntity>> {
    const page = await super.list(query, actor);
    return { ...page, items: page.items.map((crew) => withoutContacts(crew, actor)) };
  }

  /** Also the row an update starts from; only readers who cannot write lose the phone. */
  override async get(id: string, actor: Actor, manager?: EntityManager): Promise<CrewEntity> {
    return withoutContacts(await super.get(id, actor, manager), actor);
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

/** The leader's phone is personal contact data (see maySeeCrewContacts). */
function withoutContacts(crew: CrewEntity, actor: Actor): CrewEntity {
  return maySeeCrewContacts(actor, crew.id) ? crew : Object.assign(crew, { leaderPhone: null });
}
