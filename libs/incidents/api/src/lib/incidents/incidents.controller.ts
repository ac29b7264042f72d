import { Body, Controller, Get, HttpCode, MessageEvent, Param, Post, Query, Req, Res, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { attachmentHeader, ID_PIPE, localeOf } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { IncidentReader } from '@worksite/incidents-data-access';
import { IncidentDetailDto, IncidentDto, PageDto } from '@worksite/shared-domain';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { assertMayCoordinate, boardFor, seesCallouts } from './incident-access';
import {
  CloseIncidentDto,
  CreateIncidentDto,
  IncidentQueryDto,
  RecordResidentPostDto,
  SetDepartmentStatusDto,
} from './incident.dto';
import { IncidentOpener } from './incident-opener.service';
import { IncidentReport } from './incident-report.service';
import { incidentStream } from './incident-stream';
import { IncidentsService } from './incidents.service';

/** `/api/incidents`: emergencies — report, board (poll or stream), departments' status, close, report PDF. */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly opener: IncidentOpener,
    private readonly reader: IncidentReader,
    private readonly report: IncidentReport,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Incidents the user may see, newest first' })
  list(@Query() query: IncidentQueryDto, @CurrentActor() actor: Actor): Promise<PageDto<IncidentDto>> {
    return this.incidents.list(query, actor);
  }

  @Post()
  @ApiOperation({ summary: 'Report an incident: rush tasks from the playbook, departments called in at once' })
  async create(@Body() dto: CreateIncidentDto, @CurrentActor() actor: Actor): Promise<IncidentDetailDto> {
    assertMayCoordinate(actor);
    const id = await this.opener.open(dto, actor);
    return this.incidents.detail(id, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The incident board’s state: departments, rush tasks, timeline, clashes' })
  get(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<IncidentDetailDto> {
    return this.incidents.detail(id, actor);
  }

  @Sse(':id/stream')
  @ApiOperation({ summary: 'Server-sent events: `incident` with the board’s state at once and after every change' })
  async stream(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<Observable<MessageEvent>> {
    const first = await this.incidents.detail(id, actor);
    const withCallouts = seesCallouts(actor);
    return incidentStream(
      first,
      () => this.reader.stamp(id),
      async () => boardFor(await this.reader.detail((await this.reader.find(id)) as IncidentDto, withCallouts), actor),
    );
  }

  @Post(':id/departments/:departmentId/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'A called-in department acknowledged / is on site / is done (forward only)' })
  setStatus(
    @Param('id', ID_PIPE) id: string,
    @Param('departmentId', ID_PIPE) departmentId: string,
    @Body() body: SetDepartmentStatusDto,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentDetailDto> {
    return this.incidents.setDepartmentStatus(id, departmentId, body, actor);
  }

  @Post(':id/resident-posts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the residents’ group was told' })
  residentPost(
    @Param('id', ID_PIPE) id: string,
    @Body() body: RecordResidentPostDto,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentDetailDto> {
    return this.incidents.recordResidentPost(id, body, actor);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the incident (409 while the paperwork task 事故资料 is not done)' })
  close(
    @Param('id', ID_PIPE) id: string,
    @Body() body: CloseIncidentDto,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentDetailDto> {
    return this.incidents.close(id, body, actor);
  }

  @Get(':id/report.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Post-incident report (timeline, who did what when, durations, households affected)' })
  async reportPdf(
    @Param('id', ID_PIPE) id: string,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const detail = await this.incidents.detail(id, actor);
    const pdf = await this.report.render(detail, localeOf(request));
    response
      .type('application/pdf')
      .setHeader('Content-Disposition', attachmentHeader(`${detail.code}.pdf`))
      .setHeader('Cache-Control', 'no-store')
      .send(pdf);
  }
}
