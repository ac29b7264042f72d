import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ImportLinkRow, ImportTaskRow } from '@worksite/import-domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The body of POST /api/projects/:id/import. The rows are checked by the import itself, so
 * that the answer names every problem of every row (not the first 20 fields of a DTO).
 */
export class ImportBodyDto {
  @ApiPropertyOptional({ description: 'Check and report only; write nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'Delete tasks with an external code that the import no longer has' })
  @IsOptional()
  @IsBoolean()
  deleteMissing?: boolean;

  @ApiProperty({
    description:
      'Tasks: code (编号, unique per project: a re-import updates the task in place), title, department, crew, ' +
      'compound/building/unit (or location "小区/楼栋/单元"), start, finish or duration ("3天", "4h", number = days), ' +
      'predecessors ("12FS+2d; 15SS"), materials, tools, safetyNotes, interruption ("停电 2026-12-04 08:00~2026-12-04 12:00"), status, mode',
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  @ArrayMaxSize(20_000)
  @IsObject({ each: true })
  tasks!: ImportTaskRow[];

  @ApiPropertyOptional({
    description: 'Links by code: predecessor, successor, type (FS/SS/FF/SF), lag ("+2d", "-4h", number = days)',
    type: 'array',
    items: { type: 'object' },
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40_000)
  @IsObject({ each: true })
  links?: ImportLinkRow[];
}

/** Query of the file imports. */
export class ImportFileQueryDto {
  @ApiPropertyOptional({ description: 'Check and report only; write nothing' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  deleteMissing?: boolean;

  @ApiPropertyOptional({
    description:
      'JSON object: sheet header → field (code, title, department, crew, compound, building, unit, start, …)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  mapping?: string;

  @ApiPropertyOptional({
    description: 'Only read the sheet: its headers, the guessed (or given) mapping and the first 10 rows',
  })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  preview?: boolean;
}
