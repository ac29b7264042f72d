import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDateRule, VersionDto } from '@worksite/api-core';
import {
  CONSTRAINT_KINDS,
  ConstraintKind,
  DEFAULT_LOOK_AHEAD_WEEKS,
  LOOK_AHEAD_WEEKS,
} from '@worksite/shared-make-ready';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, Validate, ValidateIf } from 'class-validator';

const nullable = (_: object, value: unknown) => value !== null && value !== undefined;

/** The fields of a constraint a planner sets (owner: a department or a user, or none). */
class ConstraintFieldsDto {
  @ApiPropertyOptional({ description: 'The permit number, which materials, which escort …', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Owner department (not with ownerUserId)' })
  @ValidateIf(nullable)
  @IsUUID('all')
  ownerDepartmentId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Owner user (not with ownerDepartmentId)' })
  @ValidateIf(nullable)
  @IsUUID('all')
  ownerUserId?: string | null;

  @ApiPropertyOptional({ example: '2026-12-08', nullable: true, description: 'Local date by which it must be cleared' })
  @ValidateIf(nullable)
  @Validate(IsLocalDateRule)
  dueDate?: string | null;
}

export class CreateConstraintDto extends ConstraintFieldsDto {
  @ApiProperty({ enum: CONSTRAINT_KINDS })
  @IsIn(CONSTRAINT_KINDS)
  kind!: ConstraintKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "residents_told only: the announcement that tells them (default: the task's own, if it has one)",
  })
  @IsOptional()
  @IsUUID('all')
  announcementId?: string;
}

export class UpdateConstraintDto extends ConstraintFieldsDto {
  @ApiProperty({ description: 'The version you last read; a stale version answers 409', minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: CONSTRAINT_KINDS })
  @IsOptional()
  @IsIn(CONSTRAINT_KINDS)
  kind?: ConstraintKind;
}

/** `{ version }` of a clear or a reopen. */
export class ConstraintVersionDto extends VersionDto {}

export class DeleteConstraintQueryDto {
  @ApiProperty({ minimum: 1, description: 'The version you last read; a stale version answers 409' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class ReadinessQueryDto {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'Tasks working on or after this local day' })
  @IsOptional()
  @Validate(IsLocalDateRule)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Tasks working on or before this local day' })
  @IsOptional()
  @Validate(IsLocalDateRule)
  to?: string;

  @ApiPropertyOptional({ enum: ['open'], description: 'open: each task that is not ready lists its open constraints' })
  @IsOptional()
  @IsIn(['open'])
  constraints?: 'open';
}

class WeeksQueryDto {
  @ApiPropertyOptional({ enum: LOOK_AHEAD_WEEKS, default: DEFAULT_LOOK_AHEAD_WEEKS, description: 'Weeks ahead' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(LOOK_AHEAD_WEEKS[0])
  @Max(LOOK_AHEAD_WEEKS[LOOK_AHEAD_WEEKS.length - 1])
  weeks?: number;
}

export class LookAheadQueryDto extends WeeksQueryDto {
  @ApiPropertyOptional({ example: '2026-12-07', description: "First local day (project's zone); default today" })
  @IsOptional()
  @Validate(IsLocalDateRule)
  from?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  crewId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A compound or building: its tasks and those inside it' })
  @IsOptional()
  @IsUUID('all')
  locationId?: string;
}

export class AgencyBlocksQueryDto extends WeeksQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Planners and admins: the department (agency users: their own)' })
  @IsOptional()
  @IsUUID('all')
  departmentId?: string;
}
