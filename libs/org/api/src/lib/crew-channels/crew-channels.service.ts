import { Actor, Resource } from '@worksite/auth-access';
import { Injectable } from '@nestjs/common';
import { ApiError, CrudService, refuseWebhook, toProblems } from '@worksite/api-core';
import { AppConfig } from '@worksite/server-config';
import { CrewChannelEntity } from '@worksite/server-data-access';
import { ChannelKind } from '@worksite/shared-domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { CreateCrewChannelDto, CrewChannelQueryDto, UpdateCrewChannelDto } from './crew-channel.dto';

const ROBOTS = new Set<string>([ChannelKind.WeCom, ChannelKind.DingTalk, ChannelKind.Feishu]);

@Injectable()
export class CrewChannelsService extends CrudService<CrewChannelEntity, CreateCrewChannelDto, UpdateCrewChannelDto> {
  protected readonly entity = CrewChannelEntity;
  protected readonly resource = Resource.CrewChannel;
  protected readonly order = { kind: 'ASC' as const };

  constructor(
    dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<CrewChannelEntity>, query: CrewChannelQueryDto) {
    if (query.crewId) builder.andWhere('e.crewId = :crewId', { crewId: query.crewId });
    if (query.kind) builder.andWhere('e.kind = :kind', { kind: query.kind });
    return builder;
  }

  protected override async toCreateValues(
    dto: CreateCrewChannelDto,
    manager: EntityManager,
    actor: Actor,
  ): Promise<Partial<CrewChannelEntity>> {
    this.checkWebhook(dto.kind, dto.address);
    return super.toCreateValues(dto, manager, actor);
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
    this.checkWebhook(merged.kind, merged.address);
    return { ...changes };
  }

  /** A robot webhook: the outbound rule of refuseWebhook (a 400 at `address`). */
  private checkWebhook(kind: ChannelKind, address: string): void {
    if (ROBOTS.has(kind)) refuseWebhook(kind, address, 'address', this.config);
  }
}
