import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@worksite/api-core';
import {
  CloseIncidentRequest,
  CreateIncidentRequest,
  IncidentDepartmentStatus,
  IncidentKind,
  IncidentSeverity,
  IncidentStatus,
  RecordResidentPostRequest,
  SetIncidentDepartmentStatusRequest,
} from '@worksite/shared-domain';
import { IsDateString, IsIn, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export class CreateIncidentDto implements CreateIncidentRequest {
  @ApiProperty({ enum: IncidentKind })
  @IsEnum(IncidentKind)
  kind!: IncidentKind;

  @ApiProperty({ enum: IncidentSeverity })
  @IsEnum(IncidentSeverity)
  severity!: IncidentSeverity;

  @ApiProperty({ example: '八经街32号楼1单元缓步台电缆起火' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: '1单元2楼住户' })
  @IsString()
  @Length(1, 100)
  callerName!: string;

  @ApiPropertyOptional({ example: '13700000000' })
  @IsOptional()
  @IsString()
  @Length(3, 30)
  callerPhone?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Default now; not in the future, at most 24 h ago' })
  @IsOptional()
  @IsDateString({ strict: true })
  reportedAt?: string;

  @ApiProperty({ format: 'uuid', description: 'A compound, building or unit' })
  @IsUUID('all')
  locationId!: string;

  @ApiPropertyOptional({ example: '从八经街北门进入，1单元门禁已打开' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  accessNotes?: string;
}

export class IncidentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: IncidentStatus })
  @IsOptional()
  @IsEnum(IncidentStatus)
  status?: IncidentStatus;
}

const SETTABLE = [
  IncidentDepartmentStatus.Acknowledged,
  IncidentDepartmentStatus.OnSite,
  IncidentDepartmentStatus.Done,
] as const;

export class SetDepartmentStatusDto implements SetIncidentDepartmentStatusRequest {
  @ApiProperty({ enum: SETTABLE })
  @IsIn(SETTABLE)
  status!: (typeof SETTABLE)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CloseIncidentDto implements CloseIncidentRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RecordResidentPostDto implements RecordResidentPostRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  announcementId?: string;

  @ApiPropertyOptional({ example: '32号楼居民群' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  channel?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  text?: string;
}
