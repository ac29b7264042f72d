import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDateRule } from '@worksite/api-core';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, Validate } from 'class-validator';

/** Most rows one printed Gantt may hold (about 160 A4 pages). */
export const MAX_PRINTED_ROWS = 5000;
/** Longest range one printed Gantt may cover, in days. */
export const MAX_PRINTED_DAYS = 732;

export class GanttPdfQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First local date printed; default the project start' })
  @IsOptional()
  @Validate(IsLocalDateRule)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last local date printed; default the project finish' })
  @IsOptional()
  @Validate(IsLocalDateRule)
  to?: string;

  @ApiPropertyOptional({ enum: ['A3', 'A4'], default: 'A4', description: 'Landscape paper' })
  @IsOptional()
  @IsIn(['A3', 'A4'])
  paper?: 'A3' | 'A4';

  @ApiPropertyOptional({
    type: String,
    description:
      'The rows on screen, in order: task ids separated by commas (GET) or an array (POST); default every task by start',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @ArrayMaxSize(MAX_PRINTED_ROWS)
  @IsUUID('all', { each: true })
  rows?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: "A baseline of the project: its bars drawn under the current ones, with each task's finish slip",
  })
  @IsOptional()
  @IsUUID()
  baseline?: string;
}

export class DayPlanPdfQueryDto {
  @ApiPropertyOptional({ example: '2026-11-02', description: "The local date; default tomorrow in the project's zone" })
  @IsOptional()
  @Validate(IsLocalDateRule)
  date?: string;
}
