import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { PageQueryDto, VersionDto } from '@worksite/api-core';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class WorkWindowDto {
  @ApiProperty({ example: '08:00' })
  @Matches(TIME, { context: { message: 'timeOfDay' } })
  start!: string;

  @ApiProperty({ example: '12:00' })
  @Matches(TIME, { context: { message: 'timeOfDay' } })
  end!: string;
}

const windows = () => [
  IsOptional(),
  IsArray(),
  ValidateNested({ each: true }),
  Type(() => WorkWindowDto),
  ApiPropertyOptional({ type: [WorkWindowDto] }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((decorator) => decorator(target, key));

/** Working windows per ISO weekday: "1" is Monday, "7" Sunday; a missing day has no work. */
export class WeeklyWindowsDto {
  @apply(windows()) '1'?: WorkWindowDto[];
  @apply(windows()) '2'?: WorkWindowDto[];
  @apply(windows()) '3'?: WorkWindowDto[];
  @apply(windows()) '4'?: WorkWindowDto[];
  @apply(windows()) '5'?: WorkWindowDto[];
  @apply(windows()) '6'?: WorkWindowDto[];
  @apply(windows()) '7'?: WorkWindowDto[];
}

export class CreateCalendarDto {
  @ApiProperty({ example: '和平新村社区施工日历' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({
    type: WeeklyWindowsDto,
    description: 'Default: Monday to Friday 08:00–12:00 and 14:00–18:00',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WeeklyWindowsDto)
  weeklyWindows?: WeeklyWindowsDto;
}

export class UpdateCalendarDto extends IntersectionType(PartialType(CreateCalendarDto), VersionDto) {}

export class CalendarQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
