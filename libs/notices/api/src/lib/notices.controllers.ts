import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ID_PIPE, Page } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { DeliveryDto, NoticeDto, NoticeEscalationDto, NoticeRunDto, NoticeScheduleDto } from '@worksite/shared-domain';
import { AppConfig } from '@worksite/server-config';
import type { Response } from 'express';
import { NoticeActionsService } from './notice-actions.service';
import {
  AcknowledgeNoticeDto,
  DeliveryQueryDto,
  EscalationQueryDto,
  NoticeQueryDto,
  NoticeRunQueryDto,
  SendNoticesDto,
} from './notice-queries.dto';
import { NoticesQueryService } from './notices-query.service';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('notice-runs')
export class NoticeRunsController {
  constructor(
    private readonly queries: NoticesQueryService,
    private readonly actions: NoticeActionsService,
    private readonly config: AppConfig,
  ) {}

  @Get('schedule')
  @ApiOperation({
    summary:
      "When the nightly notices go out: the local times (each project's zone) of the run that sends the next day's " +
      'notices, the evening reminder and the morning flag to coordinators',
  })
  schedule(): NoticeScheduleDto {
    return {
      sendTime: this.config.NOTICE_SEND_TIME,
      reminderTime: this.config.NOTICE_REMINDER_TIME,
      escalationTime: this.config.NOTICE_ESCALATION_TIME,
    };
  }

  @Get()
  @ApiOperation({ summary: 'Night runs with their progress (filter by projectId, date, status)' })
  list(@Query() query: NoticeRunQueryDto, @CurrentActor() actor: Actor): Promise<Page<NoticeRunDto>> {
    return this.queries.runs(query, actor);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One run: crews done of total, failures, unknown outcomes, acknowledgements (poll while it runs)',
  })
  get(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<NoticeRunDto> {
    return this.queries.run(id, actor);
  }

  @Post()
  @ApiOperation({
    summary:
      "Send a project's notices now (default: tomorrow's). 201 `{ started: true }` when this started the run; " +
      "200 `{ started: false, reason: 'already_sent' | 'in_progress' }` with the existing run otherwise: nothing new is sent",
  })
  async send(
    @Body() body: SendNoticesDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.actions.sendNow(body.projectId, body.date, actor);
    response.status(result.created ? 201 : 200);
    return result;
  }
}

@ApiTags('notices')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(
    private readonly queries: NoticesQueryService,
    private readonly actions: NoticeActionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Notices (filter by date, crewId, projectId, runId, reason, acknowledged, latest)' })
  list(@Query() query: NoticeQueryDto, @CurrentActor() actor: Actor): Promise<Page<NoticeDto>> {
    return this.queries.notices(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One notice with its content as sent and its deliveries' })
  get(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<NoticeDto> {
    return this.queries.notice(id, actor);
  }

  @Post(':id/resend')
  @ApiOperation({
    summary: "Resend the crew's notice for that date as a new revision (coordinators of the project, admins)",
  })
  resend(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<NoticeDto> {
    return this.actions.resend(id, actor);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({
    summary: "The crew's lead acknowledges the notice while signed in (idempotent), at the time of the tap if given",
  })
  acknowledge(@Param('id', ID_PIPE) id: string, @Body() body: AcknowledgeNoticeDto, @CurrentActor() actor: Actor) {
    return this.actions.acknowledge(id, actor, body.tappedAt);
  }
}

@ApiTags('notices')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly queries: NoticesQueryService) {}

  @Get()
  @ApiOperation({ summary: 'Deliveries (filter by date, crewId, noticeId, runId, status list, kind, purpose)' })
  list(@Query() query: DeliveryQueryDto, @CurrentActor() actor: Actor): Promise<Page<DeliveryDto>> {
    return this.queries.deliveries(query, actor);
  }
}

@ApiTags('notices')
@ApiBearerAuth()
@Controller('notice-escalations')
export class NoticeEscalationsController {
  constructor(private readonly queries: NoticesQueryService) {}

  @Get()
  @ApiOperation({
    summary: 'Crews flagged to the coordinators for not acknowledging by the morning (filter by projectId, date)',
  })
  list(@Query() query: EscalationQueryDto, @CurrentActor() actor: Actor): Promise<Page<NoticeEscalationDto>> {
    return this.queries.escalations(query, actor);
  }
}
