import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ID_PIPE } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import type { Response } from 'express';
import { DayPlanPdfQueryDto, GanttPdfQueryDto } from './report-query.dto';
import { PdfFile, ReportsService } from './reports.service';

function send(response: Response, file: PdfFile): void {
  response
    .type('application/pdf')
    .setHeader(
      'Content-Disposition',
      `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .setHeader('Cache-Control', 'no-store')
    .send(file.data);
}

/** Printed reports: the Gantt and the day plan as PDF, with the schedule's access rules. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'Project id' })
@ApiProduces('application/pdf')
@ApiBadRequestResponse({ description: 'The id is not a UUID, or a parameter is invalid' })
@ApiNotFoundResponse({ description: 'No such project, or one you may not see' })
@Controller('projects')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/gantt.pdf')
  @ApiOperation({
    summary: 'The Gantt as PDF: landscape A3/A4, the range filling the width, title, print date, legend, page numbers',
  })
  async ganttPdf(
    @Param('id', ID_PIPE) id: string,
    @Query() query: GanttPdfQueryDto,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') language: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.reports.ganttPdf(id, actor, query, language));
  }

  @Post(':id/gantt.pdf')
  @HttpCode(200)
  @ApiOperation({ summary: 'The Gantt as PDF for more rows than a URL holds: the same fields in the body' })
  @ApiBody({ type: GanttPdfQueryDto })
  async ganttPdfOfRows(
    @Param('id', ID_PIPE) id: string,
    @Body() body: GanttPdfQueryDto,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') language: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.reports.ganttPdf(id, actor, body, language));
  }

  @Get(':id/day-plan.pdf')
  @ApiOperation({
    summary: 'The day plan for the site board: one A4 page per crew with times, places, materials, tools, safety notes',
  })
  async dayPlanPdf(
    @Param('id', ID_PIPE) id: string,
    @Query() query: DayPlanPdfQueryDto,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') language: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.reports.dayPlanPdf(id, actor, query.date, language));
  }
}
