import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BaselineComparisonDto,
  BaselineDetailDto,
  BaselineDifferenceDto,
  BaselineDto,
  BaselineTaskDto,
} from '@worksite/shared-domain';
import {
  Matches,
  IsOptional,
  IsString,
  MaxLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `current` (the plan as it is now) or a baseline id. */
@ValidatorConstraint({ name: 'baselineRef' })
export class BaselineRefRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && (value === 'current' || UUID.test(value));
  }

  defaultMessage(): string {
    return 'baselineRef';
  }
}

export class CreateBaselineDto {
  @ApiProperty({ example: '12月协调会基线', maxLength: 100 })
  @IsString()
  @Matches(/\S/, { context: { message: 'notBlank' } })
  @MaxLength(100)
  name!: string;
}

export class CompareBaselineQueryDto {
  @ApiPropertyOptional({ default: 'current', description: 'Another baseline id, or `current` (the plan as it is now)' })
  @IsOptional()
  @Validate(BaselineRefRule)
  with?: string;
}

export class BaselineResponse implements BaselineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdById!: string | null;
  @ApiProperty() createdByName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() taskCount!: number;
}

export class BaselineListResponse {
  @ApiProperty({ type: [BaselineResponse], description: 'Newest first' }) items!: BaselineResponse[];
}

class BaselineTaskResponse implements BaselineTaskDto {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) plannedStart!: string;
  @ApiProperty({ format: 'date-time' }) plannedFinish!: string;
  @ApiProperty({ description: 'Working minutes' }) durationMinutes!: number;
}

export class BaselineDetailResponse extends BaselineResponse implements BaselineDetailDto {
  @ApiProperty({ type: [BaselineTaskResponse], description: 'The tasks you may see' }) tasks!: BaselineTaskResponse[];
}

class BaselineSideResponse {
  @ApiProperty({ format: 'date-time' }) plannedStart!: string;
  @ApiProperty({ format: 'date-time' }) plannedFinish!: string;
  @ApiProperty() durationMinutes!: number;
}

class BaselineDifferenceResponse implements BaselineDifferenceDto {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: BaselineSideResponse, nullable: true }) before!: BaselineSideResponse | null;
  @ApiProperty({ type: BaselineSideResponse, nullable: true }) after!: BaselineSideResponse | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Working days later (negative: earlier), to a tenth' })
  startSlipDays!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Working days later (negative: earlier), to a tenth' })
  finishSlipDays!: number | null;
}

export class BaselineComparisonResponse implements BaselineComparisonDto {
  @ApiProperty({ type: BaselineResponse }) baseline!: BaselineResponse;
  @ApiProperty({ type: BaselineResponse, nullable: true, description: 'null: the current plan' })
  with!: BaselineResponse | null;
  @ApiProperty({ type: [BaselineDifferenceResponse] }) items!: BaselineDifferenceResponse[];
  @ApiProperty() unchanged!: number;
}
