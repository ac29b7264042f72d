import { Controller, Get, HttpStatus, Param, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiError, attachmentHeader, ID_PIPE, localeOf, problem } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { isLocalDate } from '@worksite/shared-util-time';
import type { Request, Response } from 'express';
import { ExportedSheet, ExportsService } from './exports.service';
import { CSV_TYPE, SheetLanguage, toCsv, toXlsx, XLSX_TYPE } from './sheet-writer';

const FORMAT = {
  name: 'format',
  enum: ['xlsx', 'csv'],
  description:
    'xlsx (frozen header, column widths, dates as Excel dates) or csv (UTF-8 with a BOM, so Excel reads the Chinese right)',
};
const LANGUAGE = 'Headers in Chinese, in English with Accept-Language en.';

/** Spreadsheet exports of a project and of a day plan (.xlsx and CSV). */
@ApiTags('exports')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'Project id' })
@ApiParam(FORMAT)
@ApiProduces(XLSX_TYPE, 'text/csv')
@ApiNotFoundResponse({ description: 'No such project (or one you may not see), or another format' })
@Controller('projects')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get(':id/export.:format')
  @ApiOperation({
    summary:
      'The project as a spreadsheet: the tasks you may see with dates (project zone), duration, floats, status, department, crew, place, predecessors',
    description: `编号 is the task code; predecessors in MS Project notation over the codes ("3", "3SS", "5FS+2h", a day being the calendar's working day). ${LANGUAGE}`,
  })
  @ApiOkResponse({ description: 'The .xlsx workbook or the CSV file' })
  async project(
    @Param('id', ID_PIPE) id: string,
    @Param('format') format: string,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const language = localeOf(request);
    const checked = checkedFormat(format);
    await send(response, checked, await this.exports.project(id, actor, language), language);
  }

  @Get(':id/day-plan/:date/export.:format')
  @ApiParam({ name: 'date', example: '2026-12-04', description: 'Local date in the project zone' })
  @ApiOperation({
    summary:
      "A day plan as a spreadsheet: per crew the day's tasks with times, place, work, materials, tools and safety notes",
    description: `The tasks you may see with work on that day, cancelled ones left out. ${LANGUAGE}`,
  })
  @ApiOkResponse({ description: 'The .xlsx workbook or the CSV file' })
  async dayPlan(
    @Param('id', ID_PIPE) id: string,
    @Param('date') date: string,
    @Param('format') format: string,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const language = localeOf(request);
    const checked = checkedFormat(format);
    if (!isLocalDate(date)) throw ApiError.badRequest('validation_failed', [problem('date', 'localDate')]);
    await send(response, checked, await this.exports.dayPlan(id, date, actor, language), language);
  }
}

function checkedFormat(format: string): 'xlsx' | 'csv' {
  if (format === 'xlsx' || format === 'csv') return format;
  throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'not_found');
}

async function send(response: Response, format: 'xlsx' | 'csv', sheet: ExportedSheet, language: SheetLanguage) {
  response.setHeader('Content-Type', format === 'xlsx' ? XLSX_TYPE : CSV_TYPE);
  response.setHeader('Content-Disposition', attachmentHeader(`${sheet.basename}.${format}`));
  response.setHeader('Cache-Control', 'private, no-store');
  response.send(format === 'xlsx' ? await toXlsx(sheet.spec, language) : toCsv(sheet.spec, language));
}
