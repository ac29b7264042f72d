import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { PageQueryDto, VersionDto } from '@worksite/api-core';
import { IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export class CreateContractorDto {
  @ApiProperty({ example: '沈阳电力工程有限公司' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  departmentId!: string;

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

export class UpdateContractorDto extends IntersectionType(PartialType(CreateContractorDto), VersionDto) {}

export class ContractorQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
