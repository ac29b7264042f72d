import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONFLICT_DECISION_ACTIONS,
  CONFLICT_KINDS,
  ConflictAssigneesDto,
  ConflictDecisionAction,
  ConflictDecisionDto,
  ConflictDecisionRequest,
  ConflictKind,
} from '@worksite/shared-domain';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A clash has two tasks at most today; room for more kinds without a flood of keys. */
const MAX_TASKS = 20;

/** `{ "<task id>": <version>, … }`: task UUIDs and positive integer versions. */
@ValidatorConstraint({ name: 'taskVersions' })
export class TaskVersionsRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const entries = Object.entries(value);
    return (
      entries.length > 0 &&
      entries.length <= MAX_TASKS &&
      entries.every(([id, version]) => UUID.test(id) && Number.isInteger(version) && version >= 1 && version < 2 ** 31)
    );
  }

  defaultMessage(): string {
    return 'taskVersions';
  }
}

export class ConflictDecisionBodyDto implements ConflictDecisionRequest {
  @ApiProperty({ description: "The clash's key (GET …/conflicts)", maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  key!: string;

  @ApiProperty({ enum: CONFLICT_DECISION_ACTIONS })
  @IsIn([...CONFLICT_DECISION_ACTIONS])
  action!: ConflictDecisionAction;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'accept: the reason (required); escalate: the note (required); resolve, reopen: optional',
    example: '两家运营商在同一小区不同楼栋施工，可并行',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'escalate: the user (or give assigneeDepartmentId)' })
  @IsOptional()
  @IsUUID()
  assigneeUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'escalate: the department (or give assigneeUserId)' })
  @IsOptional()
  @IsUUID()
  assigneeDepartmentId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "resolve: the edit (audit entry) that resolved it; default: the latest edit of one of the clash's tasks",
  })
  @IsOptional()
  @IsUUID()
  auditEntryId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'resolve: the change set (undoable user action) of the edit' })
  @IsOptional()
  @IsUUID()
  changeSetId?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description:
      "The version of each of the clash's tasks the decision was made against (its taskIds and taskVersions)",
    example: { '7b0c1f5e-4d1a-4f59-9a51-0c0e0a8e1f10': 3 },
  })
  @IsObject()
  @Validate(TaskVersionsRule)
  taskVersions!: Record<string, number>;
}

export class ConflictDecisionQueryDto {
  @ApiProperty({ description: "The clash's key", maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  key!: string;
}

class DecisionEditResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() actorName!: string;
  @ApiProperty({ example: 'task' }) entity!: string;
  @ApiProperty({ format: 'uuid' }) entityId!: string;
  @ApiProperty({ type: [String], example: ['plannedStart', 'plannedFinish'] }) fields!: string[];
}

export class ConflictDecisionResponse implements ConflictDecisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ enum: CONFLICT_KINDS }) kind!: ConflictKind;
  @ApiProperty({ enum: CONFLICT_DECISION_ACTIONS }) action!: ConflictDecisionAction;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeUserId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeDepartmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) auditEntryId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) changeSetId!: string | null;
  @ApiProperty({ type: DecisionEditResponse, nullable: true }) edit!: DecisionEditResponse | null;
  @ApiProperty({ type: [String] }) taskIds!: string[];
  @ApiProperty({ type: [String], description: 'reopen: the tasks whose change reopened the clash' })
  changedTaskIds!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reopensId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedById!: string | null;
  @ApiProperty() decidedByName!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

export class ConflictDecisionListResponse {
  @ApiProperty({ type: [ConflictDecisionResponse], description: 'Oldest first' })
  items!: ConflictDecisionResponse[];
}

class AssigneeUserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ type: String, nullable: true }) departmentName!: string | null;
}

class AssigneeDepartmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
}

export class ConflictAssigneesResponse implements ConflictAssigneesDto {
  @ApiProperty({ type: [AssigneeUserResponse] }) users!: AssigneeUserResponse[];
  @ApiProperty({ type: [AssigneeDepartmentResponse] }) departments!: AssigneeDepartmentResponse[];
}
