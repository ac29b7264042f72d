import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DependencyType, PredecessorInput, ReplacePredecessorsRequest } from '@worksite/shared-domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';

const MAX_LAG = 60 * 24 * 365;
/** More predecessors than a table cell holds; a task with more is drawn, not typed. */
export const MAX_PREDECESSORS = 200;

export class PredecessorInputDto implements PredecessorInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'The predecessor (or give its code)' })
  @IsOptional()
  @IsUUID('all')
  predecessorId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: "The predecessor's code in the project (编号)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2 ** 31 - 1)
  code?: number;

  @ApiPropertyOptional({ enum: DependencyType, default: DependencyType.FS })
  @IsOptional()
  @IsEnum(DependencyType)
  type?: DependencyType;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Lag in working minutes of the project calendar; negative for a lead; at most a year either way',
    default: 0,
    minimum: -MAX_LAG,
    maximum: MAX_LAG,
  })
  @IsOptional()
  @IsInt()
  @Min(-MAX_LAG)
  @Max(MAX_LAG)
  lagMinutes?: number;
}

export class ReplacePredecessorsDto implements ReplacePredecessorsRequest {
  @ApiProperty({
    type: [PredecessorInputDto],
    maxItems: MAX_PREDECESSORS,
    description: 'Every predecessor the task is to have (links not listed are removed; [] removes them all)',
    example: [
      { code: 12, type: 'FS', lagMinutes: 960 },
      { code: 15, type: 'SS' },
    ],
  })
  @IsArray()
  @ArrayMaxSize(MAX_PREDECESSORS)
  @ValidateNested({ each: true })
  @Type(() => PredecessorInputDto)
  predecessors!: PredecessorInputDto[];
}
