import { Resource } from '@worksite/auth-access';
import { Injectable } from '@nestjs/common';
import { ApiError, containing, CrudService } from '@worksite/api-core';
import { LocationEntity } from '@worksite/server-data-access';
import { LocationKind } from '@worksite/shared-domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { hierarchyProblem } from './location-hierarchy';
import { CreateLocationDto, LocationQueryDto, UpdateLocationDto } from './location.dto';

@Injectable()
export class LocationsService extends CrudService<LocationEntity, CreateLocationDto, UpdateLocationDto> {
  protected readonly entity = LocationEntity;
  protected readonly resource = Resource.Location;
  protected readonly label = 'Location';
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
    if (parentId === current.id)
      throw ApiError.badRequest('A location cannot contain itself', [
        { field: 'parentId', messages: ['must not be the location itself'] },
      ]);
    await this.checkHierarchy(kind, parentId, manager);
    if (kind !== current.kind && (await manager.count(LocationEntity, { where: { parentId: current.id } }))) {
      throw ApiError.badRequest('A location that contains others cannot change its kind', [
        {
          field: 'kind',
          messages: ['cannot change while the location has children'],
        },
      ]);
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
        throw ApiError.badRequest('parentId refers to a location that does not exist.', [
          { field: 'parentId', messages: ['no location with this id'] },
        ]);
      }
      parentKind = parent.kind;
    }
    const problem = hierarchyProblem(kind, parentKind);
    if (problem)
      throw ApiError.badRequest(`Invalid location hierarchy: ${problem}`, [{ field: 'parentId', messages: [problem] }]);
  }
}
