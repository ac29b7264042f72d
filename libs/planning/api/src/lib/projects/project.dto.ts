import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsLocalDateRule, IsTimeZoneRule, PageQueryDto, VersionDto } from '@worksite/api-core';
import { NOT_READY_POLICIES, NotReadyPolicy } from '@worksite/shared-make-ready';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Validate, ValidateIf } from 'class-validator';

export class CreateProjectDto {
  @ApiProperty({ example: 'HPXC-2026-FXRD', description: 'Short unique code' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, { context: { message: 'projectCodeFormat' } })
  code!: string;

  @ApiProperty({ example: '和平新村社区飞线入地改造' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({
    example: 'Asia/Shanghai',
    description: 'Default: APP_TIMEZONE',
  })
  @IsOptional()
  @Validate(IsTimeZoneRule)
  timeZone?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  calendarId!: string;

  @ApiProperty({
    example: '2026-11-02',
    description: 'Local date the works start',
  })
  @Validate(IsLocalDateRule)
  startDate!: string;

  @ApiPropertyOptional({ example: '2026-12-31', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Validate(IsLocalDateRule)
  endDate?: string | null;

  @ApiPropertyOptional({ example: '甄鸿波' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  coordinatorName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  coordinatorPhone?: string;

  @ApiPropertyOptional({
    enum: NOT_READY_POLICIES,
    default: 'mark',
    description: "A task that is not ready in the nightly notice: 'mark' it, or 'hold' it back",
  })
  @IsOptional()
  @IsIn(NOT_READY_POLICIES)
  notReadyPolicy?: NotReadyPolicy;
}

export class UpdateProjectDto extends IntersectionType(PartialType(CreateProjectDto), VersionDto) {}

export class ProjectQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
