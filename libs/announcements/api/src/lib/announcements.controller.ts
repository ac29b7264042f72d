import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { attachmentHeader, ID_PIPE, VersionDto } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { AnnouncementDto, announcementTitle } from '@worksite/shared-announcements';
import type { Response } from 'express';
import { CreateLocationRobotDto, EditAnnouncementDto, FollowUpDto } from './announcement.dto';
import { AnnouncementsService } from './announcements.service';
import { LocationRobotsService } from './location-robots.service';
import { noticePdf } from './notice-pdf';

const FORBIDDEN = 'announcement_approvers_only: not a coordinator of the project (nor an admin)';
const CONFLICT =
  'announcement_not_approved, announcement_already_posted, … (the state does not allow it) or a stale version';

/** Resident announcements of a project: every cut of its tasks has one (drafted when first read). */
@ApiTags('announcements')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such project, or one you may not see' })
@Controller('projects')
export class ProjectAnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get(':id/announcements')
  @ApiOperation({
    summary: "The project's resident announcements, by the start of their cut (new or moved cuts re-drafted first)",
  })
  list(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<{ items: AnnouncementDto[] }> {
    return this.announcements.list(id, actor);
  }
}

/** One announcement: edit, approve, post, follow up, retry owed deliveries, print. */
@ApiTags('announcements')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such announcement, or one you may not see' })
@Controller('announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get(':id')
  get(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<AnnouncementDto> {
    return this.announcements.get(id, actor);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change the text (or reason, contacts, workers: the text is generated again); back to draft',
  })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiConflictResponse({ description: CONFLICT })
  edit(
    @Param('id', ID_PIPE) id: string,
    @Body() body: EditAnnouncementDto,
    @CurrentActor() actor: Actor,
  ): Promise<AnnouncementDto> {
    return this.announcements.edit(id, actor, body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve the draft (coordinators of the project and admins)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiConflictResponse({ description: CONFLICT })
  approve(@Param('id', ID_PIPE) id: string, @Body() body: VersionDto, @CurrentActor() actor: Actor) {
    return this.announcements.approve(id, actor, body.version);
  }

  @Post(':id/post')
  @HttpCode(200)
  @ApiOperation({ summary: "Post the approved text to the buildings' group robots (each once); a draft is refused" })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiConflictResponse({ description: CONFLICT })
  post(@Param('id', ID_PIPE) id: string, @Body() body: VersionDto, @CurrentActor() actor: Actor) {
    return this.announcements.post(id, actor, body.version);
  }

  @Post(':id/follow-up')
  @HttpCode(200)
  @ApiOperation({ summary: 'Post a follow-up (default "已恢复供电" …) on a posted announcement' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiConflictResponse({ description: CONFLICT })
  followUp(@Param('id', ID_PIPE) id: string, @Body() body: FollowUpDto, @CurrentActor() actor: Actor) {
    return this.announcements.followUp(id, actor, body.version, body.text);
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the robot deliveries still owed (a delivery already sent is never sent again)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  deliver(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<AnnouncementDto> {
    return this.announcements.deliverOwed(id, actor);
  }

  @Get(':id/notice.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The announcement as a printable A4 notice in large type' })
  async notice(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor, @Res() response: Response) {
    const { row } = await this.announcements.forNotice(id, actor);
    const title = announcementTitle(row);
    const data = await noticePdf(row.text, row.emergency, title);
    response
      .type('application/pdf')
      .setHeader('Content-Disposition', attachmentHeader(`${title}.pdf`))
      .setHeader('Cache-Control', 'no-store')
      .send(data);
  }
}

/** The residents' group robots of a building. */
@ApiTags('announcements')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such location (or you do not set up places)' })
@Controller('locations')
export class LocationRobotsController {
  constructor(private readonly robots: LocationRobotsService) {}

  @Get(':id/robots')
  list(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor) {
    return this.robots.list(id, actor);
  }

  @Post(':id/robots')
  @ApiOperation({ summary: "Add the building's residents' group robot (WeCom, DingTalk or Feishu webhook)" })
  create(@Param('id', ID_PIPE) id: string, @Body() body: CreateLocationRobotDto, @CurrentActor() actor: Actor) {
    return this.robots.create(id, body, actor);
  }

  @Delete(':id/robots/:robotId')
  @HttpCode(204)
  remove(
    @Param('id', ID_PIPE) id: string,
    @Param('robotId', ID_PIPE) robotId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.robots.remove(id, robotId, actor);
  }
}
