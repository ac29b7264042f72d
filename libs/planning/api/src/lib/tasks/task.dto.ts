import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { IsInstantRule, IsLocalDateRule, PageQueryDto, VersionDto } from '@worksite/api-core';
import { ConstraintType, InterruptionKind, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** The longest task: a year of working minutes. */
const MAX_DURATION = 60 * 24 * 366;

export class MaterialDto {
  @ApiProperty({ example: 'YJV22-4×50 电力电缆' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 120 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  quantity?: number;

  @ApiPropertyOptional({ example: '米' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  unit?: string;
}

export class CreateTaskDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  projectId!: string;

  @ApiProperty({ example: '电力电缆入地敷设' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({ description: 'Work content (施工内容)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  content?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Required unless crewId is given (then the crew's department)",
  })
  @ValidateIf((task: CreateTaskDto) => !task.crewId || task.departmentId !== undefined)
  @IsUUID('all')
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  crewId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  locationId?: string | null;

  @ApiProperty({
    example: '2026-12-01T08:00:00+08:00',
    description:
      'Planned start, an instant with its offset. On an automatic task, setting it (on create or by a change) ' +
      'also sets a start-no-earlier-than constraint at that instant, replacing its constraint, unless the ' +
      'request sets constraintType/constraintAt itself: the schedule keeps the task where it was put ' +
      '(see README, "Scheduling").',
  })
  @Validate(IsInstantRule)
  plannedStart!: string;

  @ApiPropertyOptional({
    example: '2026-12-01T18:00:00+08:00',
    description: 'Give this or durationMinutes',
  })
  @IsOptional()
  @Validate(IsInstantRule)
  plannedFinish?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_DURATION,
    description: 'Working minutes in the project calendar (at most a year); give this or plannedFinish',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DURATION)
  durationMinutes?: number;

  @ApiPropertyOptional({ type: [MaterialDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials?: MaterialDto[];

  @ApiPropertyOptional({ type: [String], example: ['电缆牵引机', '绝缘手套'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  tools?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  safetyNotes?: string;

  @ApiPropertyOptional({ enum: TaskStatus })
  @IsOptional()
  @IsEnum(TaskStatus)
  status?: TaskStatus;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number;

  @ApiPropertyOptional({ enum: SchedulingMode })
  @IsOptional()
  @IsEnum(SchedulingMode)
  schedulingMode?: SchedulingMode;

  @ApiPropertyOptional({ enum: ConstraintType, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsEnum(ConstraintType)
  constraintType?: ConstraintType | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Instant of the constraint; required with constraintType',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Validate(IsInstantRule)
  constraintAt?: string | null;

  @ApiPropertyOptional({
    enum: InterruptionKind,
    isArray: true,
    description: 'Utilities the work needs',
  })
  @IsOptional()
  @IsArray()
  @IsEnum(InterruptionKind, { each: true })
  needsUtilities?: InterruptionKind[];

  @ApiPropertyOptional({
    enum: InterruptionKind,
    nullable: true,
    description: 'The cut this task causes',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsEnum(InterruptionKind)
  interruptionKind?: InterruptionKind | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Validate(IsInstantRule)
  interruptionStartsAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Validate(IsInstantRule)
  interruptionEndsAt?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: 'Buildings whose residents are cut off',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  interruptionLocationIds?: string[];
}

export class UpdateTaskDto extends IntersectionType(
  PartialType(OmitType(CreateTaskDto, ['projectId'] as const)),
  VersionDto,
) {}

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

export class TaskQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  crewId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'This location and every location inside it',
  })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated statuses',
    example: 'planned,ready',
    enum: TaskStatus,
    isArray: true,
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsEnum(TaskStatus, { each: true })
  status?: TaskStatus[];

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'Tasks running on or after this local date',
  })
  @IsOptional()
  @Validate(IsLocalDateRule)
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-07',
    description: 'Tasks running on or before this local date',
  })
  @IsOptional()
  @Validate(IsLocalDateRule)
  to?: string;
}

export class DeleteTaskQueryDto {
  @ApiPropertyOptional({
    description: 'Also remove the dependencies of the task (otherwise 409 if it has any)',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  removeLinks?: boolean;
}
