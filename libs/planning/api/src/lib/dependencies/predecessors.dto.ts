import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { PredecessorInput, ReplacePredecessorsRequest } from '@worksite/shared-domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { CreateDependencyDto } from './dependency.dto';

/** More predecessors than a table cell holds; a task with more is drawn, not typed. */
export const MAX_PREDECESSORS = 200;

/** One predecessor: by id or code, with the type and lag of POST /api/dependencies. */
export class PredecessorInputDto
  extends PickType(CreateDependencyDto, ['type', 'lagMinutes'] as const)
  implements PredecessorInput
{
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
}

/** A link as the client last read it. */
export class SeenLinkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(2 ** 31 - 1)
  version!: number;
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

  @ApiPropertyOptional({
    type: [SeenLinkDto],
    maxItems: MAX_PREDECESSORS,
    description:
      "The task's incoming links as last read: the write happens only if the stored ones are exactly these (else 409 predecessors_changed, nothing written)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PREDECESSORS)
  @ValidateNested({ each: true })
  @Type(() => SeenLinkDto)
  seen?: SeenLinkDto[];
}
