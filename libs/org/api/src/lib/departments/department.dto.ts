import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { PageQueryDto, VersionDto } from '@worksite/api-core';
import { DepartmentKind } from '@worksite/shared-domain';
import { IsEnum, IsHexColor, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class CreateDepartmentDto {
  @ApiProperty({ enum: DepartmentKind, example: DepartmentKind.Power })
  @IsEnum(DepartmentKind)
  kind!: DepartmentKind;

  @ApiProperty({ example: '国网沈阳供电公司' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({
    example: '#d9480f',
    description: 'Colour of its bars on the Gantt',
  })
  @IsOptional()
  @IsHexColor()
  color?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  contactPhone?: string;
}

export class UpdateDepartmentDto extends IntersectionType(PartialType(CreateDepartmentDto), VersionDto) {}

export class DepartmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DepartmentKind })
  @IsOptional()
  @IsEnum(DepartmentKind)
  kind?: DepartmentKind;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
