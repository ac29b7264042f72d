import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { PageQueryDto, VersionDto } from '@worksite/api-core';
import { MaterialDto } from '@worksite/planning-api';
import {
  DependencyType,
  IncidentKind,
  InterruptionKind,
  PlaybookRequest,
  PlaybookStepDto,
  PlaybookStepLinkDto,
} from '@worksite/shared-domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class PlaybookStepLinkBody implements PlaybookStepLinkDto {
  @ApiProperty({ example: 'power-safe' })
  @IsString()
  @Length(1, 60)
  step!: string;

  @ApiPropertyOptional({ enum: DependencyType, default: DependencyType.FS })
  @IsOptional()
  @IsEnum(DependencyType)
  type?: DependencyType;

  @ApiPropertyOptional({ type: 'integer', description: 'Minutes (the incident calendar runs round the clock)' })
  @IsOptional()
  @IsInt()
  @Min(-24 * 60)
  @Max(7 * 24 * 60)
  lagMinutes?: number;
}

export class PlaybookStepBody implements PlaybookStepDto {
  @ApiProperty({ example: 'power-safe', description: 'Unique within the playbook' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/)
  key!: string;

  @ApiProperty({ example: '电源安全隔离' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  departmentId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7 * 24 * 60, description: 'Usual duration in minutes' })
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  durationMinutes!: number;

  @ApiProperty({ type: [PlaybookStepLinkBody] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PlaybookStepLinkBody)
  dependsOn!: PlaybookStepLinkBody[];

  @ApiProperty()
  @IsString()
  @MaxLength(5000)
  content!: string;

  @ApiProperty({ type: [MaterialDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials!: MaterialDto[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  tools!: string[];

  @ApiProperty()
  @IsString()
  @MaxLength(5000)
  safetyNotes!: string;

  @ApiPropertyOptional({ enum: InterruptionKind, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsEnum(InterruptionKind)
  interruption?: InterruptionKind | null;
}

export class CreatePlaybookDto implements PlaybookRequest {
  @ApiProperty({ enum: IncidentKind })
  @IsEnum(IncidentKind)
  kind!: IncidentKind;

  @ApiProperty({ example: '电缆着火应急预案' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Departments called in besides the steps’ own' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  departmentIds!: string[];

  @ApiProperty({ type: [PlaybookStepBody] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlaybookStepBody)
  steps!: PlaybookStepBody[];

  @ApiProperty({ format: 'uuid', description: 'Department of the paperwork task 事故资料' })
  @IsUUID('all')
  paperworkDepartmentId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  safetyNotes?: string;
}

export class UpdatePlaybookDto extends IntersectionType(PartialType(CreatePlaybookDto), VersionDto) {}

export class PlaybookQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: IncidentKind })
  @IsOptional()
  @IsEnum(IncidentKind)
  kind?: IncidentKind;
}
