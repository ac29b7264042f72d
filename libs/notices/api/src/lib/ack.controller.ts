import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@worksite/auth-access';
import { AckService, NOTICE_CLOCK, NoticeClock } from '@worksite/notices-data-access';
import type { Response } from 'express';
import { ackPage, AckPageKind } from './ack-page';

const STATUS: Record<AckPageKind, number> = { confirm: 200, confirmed: 200, already: 200, expired: 410, unknown: 404 };

/**
 * Acknowledgement links: GET shows a confirm page and changes nothing; POST confirms once.
 * Public (no session is needed, and none is ever granted), never cached, never indexed.
 */
@ApiExcludeController()
@Public()
@Controller('ack')
export class AckController {
  constructor(
    private readonly acks: AckService,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const info = await this.acks.inspect(token, new Date(this.clock()));
    const kind: AckPageKind = !info
      ? 'unknown'
      : info.state === 'expired'
        ? 'expired'
        : info.state === 'used'
          ? 'already'
          : 'confirm';
    this.send(response, kind, info ?? undefined, token);
  }

  @Post(':token')
  async confirm(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const result = await this.acks.confirm(token, new Date(this.clock()));
    const kind: AckPageKind = result.outcome;
    this.send(response, kind, result.info, token);
  }

  private send(response: Response, kind: AckPageKind, info: Parameters<typeof ackPage>[1], token: string): void {
    response
      .status(STATUS[kind])
      .set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' })
      .type('html')
      .send(ackPage(kind, info, encodeURIComponent(token)));
  }
}
