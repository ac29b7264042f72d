import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { PageQueryDto, VersionDto } from '@worksite/api-core';
import { DepartmentKind } from '@worksite/shared-domain';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CreateTaskDto } from '../tasks/task.dto';

/** A work step: its name, who does it and how long, and the work text a task copies from it. */
export class CreateWorkStepDto extends PickType(CreateTaskDto, [
  'content',
  'materials',
  'tools',
  'safetyNotes',
] as const) {
  @ApiProperty({ example: '动力电缆入地及表箱改接' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ enum: DepartmentKind, nullable: true, description: 'The kind of department doing it' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsEnum(DepartmentKind)
  departmentKind?: DepartmentKind | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The department that usually does it' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  departmentId?: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 60 * 24 * 366, description: 'Usual working minutes' })
  @IsInt()
  @Min(0)
  @Max(60 * 24 * 366)
  durationMinutes!: number;
}

export class UpdateWorkStepDto extends IntersectionType(PartialType(CreateWorkStepDto), VersionDto) {}

export class WorkStepQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DepartmentKind })
  @IsOptional()
  @IsEnum(DepartmentKind)
  departmentKind?: DepartmentKind;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
