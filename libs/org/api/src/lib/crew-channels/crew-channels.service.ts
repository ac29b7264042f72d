import { Resource } from '@worksite/auth-access';
import { Injectable } from '@nestjs/common';
import { ApiError, CrudService, toProblems } from '@worksite/api-core';
import { CrewChannelEntity } from '@worksite/server-data-access';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { CreateCrewChannelDto, CrewChannelQueryDto, UpdateCrewChannelDto } from './crew-channel.dto';

@Injectable()
export class CrewChannelsService extends CrudService<CrewChannelEntity, CreateCrewChannelDto, UpdateCrewChannelDto> {
  protected readonly entity = CrewChannelEntity;
  protected readonly resource = Resource.CrewChannel;
  protected readonly order = { kind: 'ASC' as const };

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<CrewChannelEntity>, query: CrewChannelQueryDto) {
    if (query.crewId) builder.andWhere('e.crewId = :crewId', { crewId: query.crewId });
    if (query.kind) builder.andWhere('e.kind = :kind', { kind: query.kind });
    return builder;
  }

  /** A patch may change the kind or the address alone: check the pair as it will be stored. */
  protected override async toUpdateValues(
    changes: Omit<UpdateCrewChannelDto, 'version'>,
    current: CrewChannelEntity,
    _manager: EntityManager,
  ): Promise<Partial<CrewChannelEntity>> {
    const merged = plainToInstance(CreateCrewChannelDto, {
      crewId: changes.crewId ?? current.crewId,
      kind: changes.kind ?? current.kind,
      address: changes.address ?? current.address,
    });
    const errors = validateSync(merged, { skipMissingProperties: true });
    if (errors.length) throw ApiError.badRequest('channel_address_invalid', toProblems(errors).problems);
    return { ...changes };
  }
}
