import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstantRule, IsLocalDateRule } from '@worksite/api-core';
import {
  CrewReportRequest,
  REPORT_KINDS,
  ReportKind,
  VARIANCE_REASONS,
  VarianceReason,
} from '@worksite/shared-make-ready';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  Max,
  Validate,
} from 'class-validator';

/** Most tasks one request commits (a week of a large project's crews). */
export const COMMIT_LIMIT = 500;
/** Most taps one offline flush sends. */
export const REPORT_BATCH_LIMIT = 200;

export class CommitTasksDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: COMMIT_LIMIT })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COMMIT_LIMIT)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  taskIds!: string[];
}

export class CrewReportDto implements CrewReportRequest {
  @ApiProperty({ format: 'uuid', description: 'Made by the phone per tap; the same key twice is applied once' })
  @IsUUID('all')
  clientKey!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  taskId!: string;

  @ApiProperty({ enum: REPORT_KINDS })
  @IsIn(REPORT_KINDS)
  kind!: ReportKind;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: "For 'progress'" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number;

  @ApiPropertyOptional({ enum: VARIANCE_REASONS, description: "Required for 'not_done'" })
  @IsOptional()
  @IsIn(VARIANCE_REASONS)
  reason?: VarianceReason;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiProperty({ example: '2026-12-04T16:30:00+08:00', description: "When the lead tapped (the phone's clock)" })
  @Validate(IsInstantRule)
  tappedAt!: string;
}

export class CrewReportBatchDto {
  @ApiProperty({
    type: [CrewReportDto],
    maxItems: REPORT_BATCH_LIMIT,
    description: 'Each tap is checked and applied on its own: a refused one does not stop the others',
  })
  @IsArray()
  @ArrayMaxSize(REPORT_BATCH_LIMIT)
  @IsObject({ each: true })
  reports!: Record<string, unknown>[];
}

export class PpcQueryDto {
  @ApiPropertyOptional({
    example: '2026-09-14',
    description: 'First week (its Monday, or any day of it); default 11 weeks before `to`',
  })
  @IsOptional()
  @Validate(IsLocalDateRule)
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'Last week (its Monday, or any day of it); default this week',
  })
  @IsOptional()
  @Validate(IsLocalDateRule)
  to?: string;
}

export class CrewDayReportsQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The crew whose tasks' })
  @IsUUID('all')
  crewId!: string;

  @ApiProperty({ example: '2026-12-04', description: "The local day (each task's project zone) the taps were made" })
  @Validate(IsLocalDateRule)
  date!: string;
}
