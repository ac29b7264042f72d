import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CalendarSpecDto,
  ChainItemDto,
  ConflictDto,
  CriticalPathDto,
  CriticalTaskDto,
  DependencyDto,
  ProjectDto,
  ProjectScheduleDto,
  RecomputeResultDto,
  ScheduledAs,
  ScheduledTaskDto,
  ScheduleViolationDto,
  TaskChainDto,
  TaskMoveDto,
} from '@worksite/shared-domain';
import { CONFLICT_KINDS } from '@worksite/shared-domain';

// OpenAPI descriptions of the JSON shapes in @worksite/shared-domain (contracts.ts); each class
// implements its interface, so the documentation cannot drift from what the API returns.

const INSTANT = { type: String, format: 'date-time' } as const;
const LOCAL_DATE = { type: String, format: 'date', example: '2026-12-01' } as const;
const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'];

class BlackoutResponse {
  @ApiProperty({ description: 'epoch ms' }) start!: number;
  @ApiProperty({ description: 'epoch ms' }) end!: number;
  @ApiProperty({ example: '高考' }) label!: string;
}

export class CalendarSpecResponse implements CalendarSpecDto {
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
  @ApiProperty({
    description: 'Working windows per ISO weekday (1 = Monday); a missing day has none',
    type: 'object',
    additionalProperties: {
      type: 'array',
      items: { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' } } },
    },
  })
  weekly!: Record<number, { start: string; end: string }[]>;
  @ApiProperty({ type: [String], example: ['2026-10-01'] }) holidays!: string[];
  @ApiProperty({ type: [String], description: '调休 make-up working days (Monday windows)' }) makeUpWorkdays!: string[];
  @ApiProperty({ type: [BlackoutResponse] }) blackouts!: BlackoutResponse[];
}

class ProjectResponse implements ProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ format: 'uuid' }) calendarId!: string;
  @ApiProperty(LOCAL_DATE) startDate!: string;
  @ApiProperty({ ...LOCAL_DATE, nullable: true }) endDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) coordinatorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) coordinatorPhone!: string | null;
  @ApiProperty({ enum: ['mark', 'hold'] }) notReadyPolicy!: 'mark' | 'hold';
  @ApiProperty(INSTANT) createdAt!: string;
  @ApiProperty(INSTANT) updatedAt!: string;
}

class MaterialResponse {
  @ApiProperty() name!: string;
  @ApiPropertyOptional() quantity?: number;
  @ApiPropertyOptional() unit?: string;
}

export class ScheduledTaskResponse implements ScheduledTaskDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ description: 'Sequential number within the project (MS Project ID)', example: 12 }) code!: number;
  @ApiProperty() title!: string;
  @ApiProperty() content!: string;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) crewId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) locationId!: string | null;
  @ApiProperty({ ...INSTANT, description: 'Stored (planned) start' }) plannedStart!: string;
  @ApiProperty(INSTANT) plannedFinish!: string;
  @ApiProperty(LOCAL_DATE) startDate!: string;
  @ApiProperty(LOCAL_DATE) finishDate!: string;
  @ApiProperty({ description: 'Working minutes of the project calendar' }) durationMinutes!: number;
  @ApiProperty({ type: [MaterialResponse] }) materials!: MaterialResponse[];
  @ApiProperty({ type: [String] }) tools!: string[];
  @ApiProperty() safetyNotes!: string;
  @ApiProperty() status!: string;
  @ApiProperty() progress!: number;
  @ApiProperty({ enum: ['automatic', 'manual'] }) schedulingMode!: string;
  @ApiProperty({ type: String, nullable: true }) constraintType!: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) constraintAt!: string | null;
  @ApiProperty({ type: [String] }) needsUtilities!: string[];
  @ApiProperty({ type: String, nullable: true }) interruptionKind!: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) interruptionStartsAt!: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) interruptionEndsAt!: string | null;
  @ApiProperty({ type: [String] }) interruptionLocationIds!: string[];
  @ApiProperty(INSTANT) createdAt!: string;
  @ApiProperty(INSTANT) updatedAt!: string;
  @ApiProperty({ ...INSTANT, description: 'Computed by the engine' }) earlyStart!: string;
  @ApiProperty(INSTANT) earlyFinish!: string;
  @ApiProperty(INSTANT) lateStart!: string;
  @ApiProperty(INSTANT) lateFinish!: string;
  @ApiProperty({ description: 'Working minutes' }) totalFloatMinutes!: number;
  @ApiProperty({ description: 'Working minutes' }) freeFloatMinutes!: number;
  @ApiProperty() critical!: boolean;
  @ApiProperty({
    enum: ['automatic', 'manual', 'excluded'],
    description: 'automatic; manual = pinned (manual, done or in progress); excluded = cancelled, not in the network',
  })
  scheduledAs!: ScheduledAs;
}

class DependencyResponse implements DependencyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid' }) predecessorId!: string;
  @ApiProperty({ format: 'uuid' }) successorId!: string;
  @ApiProperty({ enum: LINK_TYPES }) type!: 'FS' | 'SS' | 'FF' | 'SF';
  @ApiProperty({ description: 'Working minutes; negative for a lead' }) lagMinutes!: number;
}

class ViolationResponse implements ScheduleViolationDto {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ enum: ['dependency', 'constraint'] }) kind!: string;
  @ApiProperty() message!: string;
  @ApiProperty(INSTANT) actual!: string;
  @ApiProperty(INSTANT) required!: string;
  @ApiProperty({ description: 'Shortfall in working minutes' }) byMinutes!: number;
  @ApiPropertyOptional({ format: 'uuid' }) dependencyId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) predecessorId?: string;
  @ApiPropertyOptional() constraintType?: string;
}

export class ProjectScheduleResponse implements ProjectScheduleDto {
  @ApiProperty({ type: ProjectResponse }) project!: ProjectResponse;
  @ApiProperty({ type: CalendarSpecResponse }) calendar!: CalendarSpecResponse;
  @ApiProperty({ type: [ScheduledTaskResponse] }) tasks!: ScheduledTaskResponse[];
  @ApiProperty({ type: [DependencyResponse], description: 'Links whose two tasks you may see' })
  dependencies!: DependencyResponse[];
  @ApiProperty({ type: [String], description: 'Critical task ids ordered by start' }) criticalPath!: string[];
  @ApiProperty({ type: [ViolationResponse] }) violations!: ViolationResponse[];
  @ApiProperty({ ...INSTANT, description: "Local midnight of the project's start date" }) projectStart!: string;
  @ApiProperty(INSTANT) projectFinish!: string;
}

class SpanResponse {
  @ApiProperty(INSTANT) start!: string;
  @ApiProperty(INSTANT) finish!: string;
}

class TaskMoveResponse implements TaskMoveDto {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: SpanResponse, nullable: true }) from!: SpanResponse | null;
  @ApiProperty({ type: SpanResponse, nullable: true }) to!: SpanResponse | null;
}

export class RecomputeResponse implements RecomputeResultDto {
  @ApiProperty({ description: 'true when the moves were written' }) applied!: boolean;
  @ApiProperty({ type: [TaskMoveResponse] }) moved!: TaskMoveResponse[];
}

class CriticalTaskResponse implements CriticalTaskDto {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) crewId!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty(INSTANT) start!: string;
  @ApiProperty(INSTANT) finish!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty() totalFloatMinutes!: number;
}

export class CriticalPathResponse implements CriticalPathDto {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty(INSTANT) projectStart!: string;
  @ApiProperty(INSTANT) projectFinish!: string;
  @ApiProperty({ type: [CriticalTaskResponse] }) tasks!: CriticalTaskResponse[];
}

class ChainLinkResponse {
  @ApiProperty({ enum: LINK_TYPES }) type!: 'FS' | 'SS' | 'FF' | 'SF';
  @ApiProperty() lagMinutes!: number;
  @ApiProperty({ description: 'The link determines the successor’s dates (slack 0)' }) driving!: boolean;
  @ApiProperty({ format: 'uuid' }) dependencyId!: string;
  @ApiProperty({ format: 'uuid' }) predecessorId!: string;
  @ApiProperty({ format: 'uuid' }) successorId!: string;
  @ApiProperty() slackMinutes!: number;
}

class ChainItemResponse implements ChainItemDto {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ type: String, nullable: true }) crewName!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty() progress!: number;
  @ApiProperty({ description: 'Links from the queried task' }) depth!: number;
  @ApiProperty({ type: ChainLinkResponse, description: 'The link toward the queried task' }) link!: ChainLinkResponse;
  @ApiProperty(INSTANT) expectedStart!: string;
  @ApiProperty(INSTANT) expectedFinish!: string;
  @ApiProperty() totalFloatMinutes!: number;
  @ApiProperty() critical!: boolean;
  @ApiProperty({ description: 'false: outside what you may otherwise read; only this summary is shown' })
  readable!: boolean;
}

export class TaskChainResponse implements TaskChainDto {
  @ApiProperty({ type: ScheduledTaskResponse }) task!: ScheduledTaskResponse;
  @ApiProperty({ type: [ChainItemResponse], description: 'What the task waits for, nearest first' })
  upstream!: ChainItemResponse[];
  @ApiProperty({ type: [ChainItemResponse], description: 'What waits for the task, nearest first' })
  downstream!: ChainItemResponse[];
}

class ConflictResponse implements ConflictDto {
  @ApiProperty({ description: 'Stable across recomputations (for decision records)' }) key!: string;
  @ApiProperty({ enum: CONFLICT_KINDS })
  kind!: ConflictDto['kind'];
  @ApiProperty({ type: [String] }) taskIds!: string[];
  @ApiProperty({ type: [String] }) taskTitles!: string[];
  @ApiProperty({ ...INSTANT, description: 'Start of the overlap' }) start!: string;
  @ApiProperty(INSTANT) finish!: string;
  @ApiPropertyOptional() locationName?: string;
  @ApiPropertyOptional() crewName?: string;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ format: 'uuid' }) locationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) crewId?: string;
  @ApiPropertyOptional() utility?: string;
  @ApiPropertyOptional({ type: [String] }) blackoutLabels?: string[];
  @ApiPropertyOptional({ format: 'uuid' }) dependencyId?: string;
}

export class ConflictListResponse {
  @ApiProperty({ type: [ConflictResponse] }) items!: ConflictResponse[];
}

export class ApiErrorResponse {
  @ApiProperty() statusCode!: number;
  @ApiProperty({ example: 'not_found' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: '[{ field, messages }]', type: 'array', items: { type: 'object' } })
  problems?: { field: string; messages: string[] }[];
}
