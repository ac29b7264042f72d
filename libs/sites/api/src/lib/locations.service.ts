import { Resource } from '@worksite/auth-access';
import { Injectable } from '@nestjs/common';
import { ApiError, containing, CrudService, problem } from '@worksite/api-core';
import { LocationEntity } from '@worksite/server-data-access';
import { LocationKind } from '@worksite/shared-domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { hierarchyProblem } from './location-hierarchy';
import { CreateLocationDto, LocationQueryDto, UpdateLocationDto } from './location.dto';

@Injectable()
export class LocationsService extends CrudService<LocationEntity, CreateLocationDto, UpdateLocationDto> {
  protected readonly entity = LocationEntity;
  protected readonly resource = Resource.Location;
  protected readonly order = { name: 'ASC' as const };

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<LocationEntity>, query: LocationQueryDto) {
    if (query.kind) builder.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.parentId) builder.andWhere('e.parentId = :parentId', { parentId: query.parentId });
    if (query.root === true) builder.andWhere('e.parentId IS NULL');
    if (query.q)
      builder.andWhere('(e.name ILIKE :q OR e.address ILIKE :q)', {
        q: containing(query.q),
      });
    return builder;
  }

  protected override async toCreateValues(dto: CreateLocationDto, manager: EntityManager) {
    await this.checkHierarchy(dto.kind, dto.parentId ?? null, manager);
    return { ...dto };
  }

  protected override async toUpdateValues(
    changes: Omit<UpdateLocationDto, 'version'>,
    current: LocationEntity,
    manager: EntityManager,
  ) {
    const kind = changes.kind ?? current.kind;
    const parentId = changes.parentId === undefined ? current.parentId : changes.parentId;
    if (parentId === current.id) throw ApiError.badRequest('location_self_parent', [problem('parentId', 'notItself')]);
    await this.checkHierarchy(kind, parentId, manager);
    if (kind !== current.kind && (await manager.count(LocationEntity, { where: { parentId: current.id } }))) {
      throw ApiError.badRequest('location_kind_locked', [problem('kind', 'hasChildren')]);
    }
    return { ...changes };
  }

  private async checkHierarchy(kind: LocationKind, parentId: string | null, manager: EntityManager): Promise<void> {
    let parentKind: LocationKind | null = null;
    if (parentId) {
      const parent = await manager.findOne(LocationEntity, {
        where: { id: parentId },
      });
      if (!parent) {
        throw ApiError.missingReference('parentId', 'location');
      }
      parentKind = parent.kind;
    }
    const wrongParent = hierarchyProblem(kind, parentKind);
    if (wrongParent) {
      throw ApiError.badRequest({ key: 'location_hierarchy', params: { problem: wrongParent } }, [
        { field: 'parentId', messages: [wrongParent] },
      ]);
    }
  }
}
