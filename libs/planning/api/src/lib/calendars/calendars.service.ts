import { Resource } from '@worksite/auth-access';
import { Injectable } from '@nestjs/common';
import { ApiError, containing, CrudService, problem } from '@worksite/api-core';
import { MessageKey } from '@worksite/shared-i18n';
import { CalendarEntity, WeeklyWindowsData } from '@worksite/server-data-access';
import { CalendarSpecError, normalizeCalendarSpec } from '@worksite/scheduling-engine';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CalendarQueryDto, CreateCalendarDto, UpdateCalendarDto, WeeklyWindowsDto } from './calendar.dto';

/** Residential noise rules: weekdays 08:00–12:00 and 14:00–18:00. */
export const DEFAULT_WEEKLY_WINDOWS: WeeklyWindowsData = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((day) => [
    day,
    [
      { start: '08:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ],
  ]),
);

@Injectable()
export class CalendarsService extends CrudService<CalendarEntity, CreateCalendarDto, UpdateCalendarDto> {
  protected readonly entity = CalendarEntity;
  protected readonly resource = Resource.Calendar;
  protected readonly order = { name: 'ASC' as const };

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<CalendarEntity>, query: CalendarQueryDto) {
    if (query.q) builder.andWhere('e.name ILIKE :q', { q: containing(query.q) });
    return builder;
  }

  protected override async toCreateValues(dto: CreateCalendarDto) {
    return {
      name: dto.name,
      weeklyWindows: checkedWindows(dto.weeklyWindows) ?? DEFAULT_WEEKLY_WINDOWS,
    };
  }

  protected override async toUpdateValues(changes: Omit<UpdateCalendarDto, 'version'>) {
    const values: Partial<CalendarEntity> = {};
    if (changes.name !== undefined) values.name = changes.name;
    if (changes.weeklyWindows !== undefined) values.weeklyWindows = checkedWindows(changes.weeklyWindows);
    return values;
  }
}

/** Plain windows per weekday, once the engine has checked them (each window ordered, some working time). */
function checkedWindows(dto: WeeklyWindowsDto | undefined): WeeklyWindowsData | undefined {
  if (!dto) return undefined;
  const weekly: WeeklyWindowsData = {};
  for (const day of ['1', '2', '3', '4', '5', '6', '7'] as const) {
    const windows = dto[day];
    if (windows) weekly[day] = windows.map(({ start, end }) => ({ start, end }));
  }
  let refusal: MessageKey | undefined;
  try {
    if (!normalizeCalendarSpec({ weekly: weekly as never }).hasWorkingTime) refusal = 'calendar_no_working_time';
  } catch (error) {
    if (!(error instanceof CalendarSpecError)) throw error;
    refusal = 'calendar_window_invalid';
  }
  if (refusal) throw ApiError.badRequest(refusal, [problem('weeklyWindows', 'weeklyWindowsInvalid')]);
  return weekly;
}
