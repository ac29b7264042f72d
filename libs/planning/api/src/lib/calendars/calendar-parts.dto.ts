import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsInstantRule, IsLocalDateRule, PageQueryDto, VersionDto } from '@worksite/api-core';
import { CalendarExceptionKind } from '@worksite/shared-domain';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Validate } from 'class-validator';

export class CreateCalendarExceptionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  calendarId!: string;

  @ApiProperty({ example: '2026-10-01', description: 'Local date' })
  @Validate(IsLocalDateRule)
  date!: string;

  @ApiProperty({ enum: CalendarExceptionKind })
  @IsEnum(CalendarExceptionKind)
  kind!: CalendarExceptionKind;

  @ApiProperty({ example: '国庆节' })
  @IsString()
  @Length(1, 100)
  name!: string;
}

export class UpdateCalendarExceptionDto extends IntersectionType(PartialType(CreateCalendarExceptionDto), VersionDto) {}

export class CalendarExceptionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  calendarId?: string;

  @ApiPropertyOptional({ description: 'From this local date' })
  @IsOptional()
  @Validate(IsLocalDateRule)
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this local date' })
  @IsOptional()
  @Validate(IsLocalDateRule)
  to?: string;
}

export class CreateBlackoutWindowDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  calendarId!: string;

  @ApiProperty({
    example: '2027-06-19T23:00:00.000Z',
    description: 'Instant with offset (ISO 8601)',
  })
  @Validate(IsInstantRule)
  startsAt!: string;

  @ApiProperty({ example: '2027-06-21T10:00:00.000Z' })
  @Validate(IsInstantRule)
  endsAt!: string;

  @ApiProperty({ example: '中考(126中学八经校区考点)' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

export class UpdateBlackoutWindowDto extends IntersectionType(PartialType(CreateBlackoutWindowDto), VersionDto) {}

export class BlackoutWindowQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  calendarId?: string;
}
