import { Resource } from '@worksite/auth-access';
import { Injectable } from '@nestjs/common';
import { ApiError, CrudService, problem } from '@worksite/api-core';
import { BlackoutWindowEntity, CalendarExceptionEntity } from '@worksite/server-data-access';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import {
  BlackoutWindowQueryDto,
  CalendarExceptionQueryDto,
  CreateBlackoutWindowDto,
  CreateCalendarExceptionDto,
  UpdateBlackoutWindowDto,
  UpdateCalendarExceptionDto,
} from './calendar-parts.dto';

@Injectable()
export class CalendarExceptionsService extends CrudService<
  CalendarExceptionEntity,
  CreateCalendarExceptionDto,
  UpdateCalendarExceptionDto
> {
  protected readonly entity = CalendarExceptionEntity;
  protected readonly resource = Resource.CalendarException;
  protected readonly order = { date: 'ASC' as const };

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<CalendarExceptionEntity>, query: CalendarExceptionQueryDto) {
    if (query.calendarId)
      builder.andWhere('e.calendarId = :calendarId', {
        calendarId: query.calendarId,
      });
    if (query.from) builder.andWhere('e.date >= :from', { from: query.from });
    if (query.to) builder.andWhere('e.date <= :to', { to: query.to });
    return builder;
  }
}

@Injectable()
export class BlackoutWindowsService extends CrudService<
  BlackoutWindowEntity,
  CreateBlackoutWindowDto,
  UpdateBlackoutWindowDto
> {
  protected readonly entity = BlackoutWindowEntity;
  protected readonly resource = Resource.BlackoutWindow;
  protected readonly order = { startsAt: 'ASC' as const };

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<BlackoutWindowEntity>, query: BlackoutWindowQueryDto) {
    if (query.calendarId)
      builder.andWhere('e.calendarId = :calendarId', {
        calendarId: query.calendarId,
      });
    return builder;
  }

  protected override async toCreateValues(dto: CreateBlackoutWindowDto) {
    return {
      ...checkedWindow(dto.startsAt, dto.endsAt),
      calendarId: dto.calendarId,
      reason: dto.reason,
    };
  }

  protected override async toUpdateValues(
    changes: Omit<UpdateBlackoutWindowDto, 'version'>,
    current: BlackoutWindowEntity,
  ) {
    const window = checkedWindow(changes.startsAt ?? current.startsAt, changes.endsAt ?? current.endsAt);
    return { ...changes, ...window };
  }
}

function checkedWindow(startsAt: string | Date, endsAt: string | Date): { startsAt: Date; endsAt: Date } {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (end.getTime() <= start.getTime()) {
    throw ApiError.badRequest('blackout_end_before_start', [problem('endsAt', 'after', { other: 'startsAt' })]);
  }
  return { startsAt: start, endsAt: end };
}
