import { Actor, maySeeContractorContacts, Resource } from '@worksite/auth-access';
import { Injectable } from '@nestjs/common';
import { containing, CrudService, Page, PageQueryDto } from '@worksite/api-core';
import { ContractorEntity } from '@worksite/server-data-access';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ContractorQueryDto, CreateContractorDto, UpdateContractorDto } from './contractor.dto';

@Injectable()
export class ContractorsService extends CrudService<ContractorEntity, CreateContractorDto, UpdateContractorDto> {
  protected readonly entity = ContractorEntity;
  protected readonly resource = Resource.Contractor;
  protected readonly order = { name: 'ASC' as const };

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  override async list(query: PageQueryDto, actor: Actor): Promise<Page<ContractorEntity>> {
    const page = await super.list(query, actor);
    return { ...page, items: page.items.map((contractor) => withoutContacts(contractor, actor)) };
  }

  /** Also the row an update starts from; only readers who cannot write lose the phone. */
  override async get(id: string, actor: Actor, manager?: EntityManager): Promise<ContractorEntity> {
    return withoutContacts(await super.get(id, actor, manager), actor);
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

/** The contact person's phone is personal contact data (see maySeeContractorContacts). */
function withoutContacts(contractor: ContractorEntity, actor: Actor): ContractorEntity {
  return maySeeContractorContacts(actor) ? contractor : Object.assign(contractor, { contactPhone: null });
}
