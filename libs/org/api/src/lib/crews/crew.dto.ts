import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { PageQueryDto, VersionDto } from '@worksite/api-core';
import { Language } from '@worksite/shared-domain';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export class CreateCrewDto {
  @ApiProperty({ example: '电缆一班' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  contractorId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Defaults to the contractor's department",
  })
  @IsOptional()
  @IsUUID('all')
  departmentId?: string;

  @ApiProperty({ example: '王建国' })
  @IsString()
  @Length(1, 100)
  leaderName!: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  leaderPhone?: string;

  @ApiPropertyOptional({
    enum: Language,
    default: Language.ZhCN,
    description: 'Language of its notices',
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;
}

export class UpdateCrewDto extends IntersectionType(PartialType(CreateCrewDto), VersionDto) {}

export class CrewQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contractorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'Part of the crew or leader name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
