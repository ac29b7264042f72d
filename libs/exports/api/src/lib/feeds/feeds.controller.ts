import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiError, ID_PIPE, sendError } from '@worksite/api-core';
import { Actor, CurrentActor, Public } from '@worksite/auth-access';
import { CalendarFeedDto, CalendarFeedStatusDto } from '@worksite/shared-domain';
import type { Request, Response } from 'express';
import { FeedsService } from './feeds.service';

const MANAGERS =
  "A crew's feed: its lead, the coordinators of a project it has tasks in, and admins (others 403; a crew you may not see 404).";
const OWN = 'Your own feed: agency users (others 403).';

/** Making, rotating and revoking the secret calendar URLs of crews and of agency users. */
@ApiTags('feeds')
@ApiBearerAuth()
@Controller()
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Get('crews/:id/feed')
  @ApiParam({ name: 'id', format: 'uuid', description: 'Crew id' })
  @ApiOperation({ summary: 'Whether the crew has an active calendar feed (never its URL)', description: MANAGERS })
  @ApiOkResponse({ description: 'active, createdAt, createdByName, lastUsedAt' })
  crewStatus(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<CalendarFeedStatusDto> {
    return this.feeds.status({ crewId: id }, actor);
  }

  @Post('crews/:id/feed')
  @ApiParam({ name: 'id', format: 'uuid', description: 'Crew id' })
  @ApiOperation({
    summary: 'A new secret calendar URL for the crew; the previous one stops working (rotation)',
    description: `${MANAGERS} The URL is shown only in this answer: only a hash of its secret is stored.`,
  })
  @ApiCreatedResponse({ description: 'url, createdAt' })
  @ApiForbiddenResponse({ description: 'Not a manager of this crew' })
  @ApiNotFoundResponse({ description: 'No such crew, or one you may not see' })
  crewCreate(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<CalendarFeedDto> {
    return this.feeds.create({ crewId: id }, actor);
  }

  @Delete('crews/:id/feed')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid', description: 'Crew id' })
  @ApiOperation({
    summary: "Revokes the crew's calendar feed (its URL answers 404 from now on)",
    description: MANAGERS,
  })
  @ApiNoContentResponse({ description: 'Revoked (or there was none)' })
  async crewRevoke(@Param('id', ID_PIPE) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.feeds.revoke({ crewId: id }, actor);
  }

  @Get('feeds/mine')
  @ApiOperation({ summary: 'Whether you have an active calendar feed (never its URL)', description: OWN })
  @ApiOkResponse({ description: 'active, createdAt, createdByName, lastUsedAt' })
  mine(@CurrentActor() actor: Actor): Promise<CalendarFeedStatusDto> {
    return this.feeds.status({ userId: actor.id }, actor);
  }

  @Post('feeds/mine')
  @ApiOperation({
    summary: 'A new secret calendar URL of the tasks you may see; the previous one stops working',
    description: `${OWN} The URL is shown only in this answer.`,
  })
  @ApiCreatedResponse({ description: 'url, createdAt' })
  createMine(@CurrentActor() actor: Actor): Promise<CalendarFeedDto> {
    return this.feeds.create({ userId: actor.id }, actor);
  }

  @Delete('feeds/mine')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes your calendar feed', description: OWN })
  @ApiNoContentResponse({ description: 'Revoked (or there was none)' })
  async revokeMine(@CurrentActor() actor: Actor): Promise<void> {
    await this.feeds.revoke({ userId: actor.id }, actor);
  }
}

/**
 * The feed itself, for calendar apps: no sign-in (the secret is the credential), counted
 * by the global rate limit, never cached by proxies; unknown and revoked secrets answer 404.
 */
@ApiTags('feeds')
@Public()
@Controller('feeds')
export class FeedFileController {
  constructor(private readonly feeds: FeedsService) {}

  @Get(':token.ics')
  @ApiParam({ name: 'token', description: 'The secret of the feed URL' })
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: 'A calendar feed (RFC 5545): the tasks from 7 days ago to 60 days ahead',
    description:
      'One event per task in its project zone (VTIMEZONE), UID from the task id, SEQUENCE its version, ' +
      'LAST-MODIFIED its last change; cancelled tasks as STATUS:CANCELLED. ETag and Last-Modified; 304 when unchanged.',
  })
  @ApiOkResponse({ description: 'text/calendar; charset=utf-8' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked feed' })
  async file(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const feed = await this.feeds.render(token);
    if (!feed) return sendError(request, response, new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'feed_not_found'));
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Cache-Control', 'private, no-cache');
    response.setHeader('Last-Modified', feed.lastModified.toUTCString());
    response.setHeader('X-Robots-Tag', 'noindex');
    // express adds the ETag and answers 304 to a matching If-None-Match / If-Modified-Since.
    response.send(feed.text);
  }
}
