import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInstantRule, Page, PageQueryDto, scopedQuery } from '@worksite/api-core';
import { Actor, CurrentActor, Resource } from '@worksite/auth-access';
import { AuditEntryEntity } from '@worksite/server-data-access';
import { AuditAction } from '@worksite/shared-domain';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, Validate } from 'class-validator';
import { DataSource } from 'typeorm';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ example: 'task', description: 'Entity name: task, dependency, crew…' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entity?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ enum: AuditAction })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'From this instant (ISO 8601 with offset)' })
  @IsOptional()
  @Validate(IsInstantRule)
  from?: string;

  @ApiPropertyOptional({ description: 'Before this instant' })
  @IsOptional()
  @Validate(IsInstantRule)
  to?: string;
}

/** The audit trail: coordinators read their projects' entries, administrators everything. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Who changed what and when, newest first, with fields before and after' })
  async list(@Query() query: AuditQueryDto, @CurrentActor() actor: Actor): Promise<Page<AuditEntryEntity>> {
    const builder = scopedQuery(this.dataSource.manager, AuditEntryEntity, Resource.Audit, actor);
    if (query.projectId) builder.andWhere('e.projectId = :projectId', { projectId: query.projectId });
    if (query.entity) builder.andWhere('e.entity = :entity', { entity: query.entity });
    if (query.entityId) builder.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) builder.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('e.action = :action', { action: query.action });
    if (query.from) builder.andWhere('e.at >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('e.at < :to', { to: new Date(query.to) });
    const [items, total] = await builder
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
