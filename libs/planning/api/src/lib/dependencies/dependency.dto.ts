import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { PageQueryDto, VersionDto } from '@worksite/api-core';
import { CreateDependencyRequest, DependencyType } from '@worksite/shared-domain';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const MAX_LAG = 60 * 24 * 365;

export class CreateDependencyDto implements CreateDependencyRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'The task that must happen first',
  })
  @IsUUID('all', { message: 'predecessorId must be a UUID' })
  predecessorId!: string;

  @ApiProperty({ format: 'uuid', description: 'The task that waits' })
  @IsUUID('all', { message: 'successorId must be a UUID' })
  successorId!: string;

  @ApiPropertyOptional({ enum: DependencyType, default: DependencyType.FS })
  @IsOptional()
  @IsEnum(DependencyType, { message: 'type must be one of: FS, SS, FF, SF' })
  type?: DependencyType;

  @ApiPropertyOptional({
    description: 'Lag in working minutes; negative for lead',
    default: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(-MAX_LAG)
  @Max(MAX_LAG)
  lagMinutes?: number;
}

export class UpdateDependencyDto extends IntersectionType(
  PartialType(PickType(CreateDependencyDto, ['type', 'lagMinutes'] as const)),
  VersionDto,
) {}

export class DependencyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Links where this task is either side',
  })
  @IsOptional()
  @IsUUID()
  taskId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  predecessorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  successorId?: string;
}
