import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { PageQueryDto, VersionDto } from '@worksite/api-core';
import { LocationKind } from '@worksite/shared-domain';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/** Far above any real compound, well inside the integer column. */
const MAX_HOUSEHOLDS = 1_000_000;

export class CreateLocationDto {
  @ApiProperty({ enum: LocationKind })
  @IsEnum(LocationKind)
  kind!: LocationKind;

  @ApiProperty({ example: '八经街32号楼' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'Compound of a building, building of a unit; none for a compound',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  parentId?: string | null;

  @ApiPropertyOptional({ example: '沈阳市和平区八经街32号' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_HOUSEHOLDS })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_HOUSEHOLDS)
  households?: number;
}

export class UpdateLocationDto extends IntersectionType(PartialType(CreateLocationDto), VersionDto) {}

export class LocationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LocationKind })
  @IsOptional()
  @IsEnum(LocationKind)
  kind?: LocationKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the direct children of this location',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({
    description: 'Only top-level locations (compounds and standalone streets)',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  root?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name or address' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
