import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BULK_TASK_LIMIT, BulkTaskRequest, TaskStatus } from '@worksite/shared-domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  NotEquals,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class BulkTaskRefDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;

  @ApiProperty({ type: 'integer', description: 'The version the client read (stale → 409, nothing written)' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class BulkTaskDto implements BulkTaskRequest {
  @ApiProperty({ type: [BulkTaskRefDto], minItems: 1, maxItems: BULK_TASK_LIMIT })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_TASK_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => BulkTaskRefDto)
  tasks!: BulkTaskRefDto[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: -366,
    maximum: 366,
    example: 2,
    description:
      'Move each task by this many working days of the project calendar (negative: earlier), keeping its ' +
      'time of day and working duration; weekends, holidays and whole-day blackouts are skipped, 调休 ' +
      'make-up days count. Automatic tasks then land on the next working minute and get a ' +
      'start-no-earlier-than constraint there, as a drag does; their successors are pushed.',
  })
  @IsOptional()
  @IsInt()
  @Min(-366)
  @Max(366)
  @NotEquals(0)
  shiftWorkingDays?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'Assign this crew (and its department); null unassigns',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  crewId?: string | null;

  @ApiPropertyOptional({ enum: TaskStatus })
  @IsOptional()
  @IsEnum(TaskStatus)
  status?: TaskStatus;

  @ApiPropertyOptional({ description: 'Delete the tasks (alone: not with other changes)' })
  @IsOptional()
  @IsBoolean()
  delete?: boolean;

  @ApiPropertyOptional({ description: "With delete: remove the tasks' dependencies too (otherwise 409 if any)" })
  @IsOptional()
  @IsBoolean()
  removeLinks?: boolean;
}
