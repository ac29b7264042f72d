import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '@worksite/api-core';
import { BlackoutWindowEntity, CalendarEntity, CalendarExceptionEntity } from '@worksite/server-data-access';
import {
  BlackoutWindowQueryDto,
  CalendarExceptionQueryDto,
  CreateBlackoutWindowDto,
  CreateCalendarExceptionDto,
  UpdateBlackoutWindowDto,
  UpdateCalendarExceptionDto,
} from './calendar-parts.dto';
import { BlackoutWindowsService, CalendarExceptionsService } from './calendar-parts.service';
import { CalendarQueryDto, CreateCalendarDto, UpdateCalendarDto } from './calendar.dto';
import { CalendarsService } from './calendars.service';

@ApiTags('calendars')
@Controller('calendars')
export class CalendarsController extends CrudController<
  CalendarEntity,
  CreateCalendarDto,
  UpdateCalendarDto,
  CalendarQueryDto
>({
  name: 'calendar',
  createDto: CreateCalendarDto,
  updateDto: UpdateCalendarDto,
  queryDto: CalendarQueryDto,
  service: CalendarsService,
}) {}

@ApiTags('calendars')
@Controller('calendar-exceptions')
export class CalendarExceptionsController extends CrudController<
  CalendarExceptionEntity,
  CreateCalendarExceptionDto,
  UpdateCalendarExceptionDto,
  CalendarExceptionQueryDto
>({
  name: 'holiday or make-up working day',
  createDto: CreateCalendarExceptionDto,
  updateDto: UpdateCalendarExceptionDto,
  queryDto: CalendarExceptionQueryDto,
  service: CalendarExceptionsService,
}) {}

@ApiTags('calendars')
@Controller('blackout-windows')
export class BlackoutWindowsController extends CrudController<
  BlackoutWindowEntity,
  CreateBlackoutWindowDto,
  UpdateBlackoutWindowDto,
  BlackoutWindowQueryDto
>({
  name: 'blackout window',
  createDto: CreateBlackoutWindowDto,
  updateDto: UpdateBlackoutWindowDto,
  queryDto: BlackoutWindowQueryDto,
  service: BlackoutWindowsService,
}) {}
