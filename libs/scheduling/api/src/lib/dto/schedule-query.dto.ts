import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDateRule } from '@worksite/api-core';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min, Validate } from 'class-validator';
import { ChainDirection } from '../chain/task-chain.service';
import { MAX_CONFLICT_RANGE_DAYS } from '../conflicts/conflicts.service';
import type { ScheduleForm } from '../schedule/schedule-body';

export class RecomputeBodyDto {
  @ApiPropertyOptional({
    default: false,
    description: 'false (default): only report what would move; true: write it (coordinators and admins)',
  })
  @IsOptional()
  @IsBoolean()
  apply?: boolean;
}

export class ChainQueryDto {
  @ApiPropertyOptional({
    enum: ['up', 'down', 'both'],
    default: 'both',
    description: 'up: what the task waits for; down: what waits for it',
  })
  @IsOptional()
  @IsIn(['up', 'down', 'both'])
  direction?: ChainDirection;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: 'Follow at most this many links (default: all)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  maxDepth?: number;
}

export class ConflictQueryDto {
  @ApiPropertyOptional({ example: '2026-12-01', description: "First local day (project's zone); default today" })
  @IsOptional()
  @Validate(IsLocalDateRule)
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-15',
    description: `Last local day, included; default from + 14 days; at most ${MAX_CONFLICT_RANGE_DAYS} days in all`,
  })
  @IsOptional()
  @Validate(IsLocalDateRule)
  to?: string;
}

export class ScheduleFormQueryDto {
  @ApiPropertyOptional({
    enum: ['full', 'compact'],
    default: 'full',
    description:
      'full: ProjectScheduleDto; compact: the same in columns (@worksite/schedule-wire, decodeSchedule), ' +
      'about a tenth of the size. Either is compressed (br or gzip) when Accept-Encoding allows.',
  })
  @IsOptional()
  @IsIn(['full', 'compact'])
  form?: ScheduleForm;
}
