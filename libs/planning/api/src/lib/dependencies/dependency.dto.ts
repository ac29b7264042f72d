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
  @IsUUID('all')
  predecessorId!: string;

  @ApiProperty({ format: 'uuid', description: 'The task that waits' })
  @IsUUID('all')
  successorId!: string;

  @ApiPropertyOptional({ enum: DependencyType, default: DependencyType.FS })
  @IsOptional()
  @IsEnum(DependencyType)
  type?: DependencyType;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Lag in working minutes of the project calendar; negative for a lead; at most a year either way',
    default: 0,
    minimum: -MAX_LAG,
    maximum: MAX_LAG,
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
