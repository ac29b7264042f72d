import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@worksite/auth-access';
import { IncidentAckInfo, IncidentAcks } from '@worksite/incidents-data-access';
import { NOTICE_CLOCK, NoticeClock } from '@worksite/notices-data-access';
import { IncidentDepartmentStatus } from '@worksite/shared-domain';
import type { Response } from 'express';
import { incidentAckPage, IncidentAckPageKind } from './incident-ack-page';

const STATUS: Record<IncidentAckPageKind, number> = {
  confirm: 200,
  confirmed: 200,
  already: 200,
  expired: 410,
  unknown: 404,
};
const CALLING: string[] = [IncidentDepartmentStatus.Calling, IncidentDepartmentStatus.Notified];

/**
 * A call-out's acknowledgement link: GET shows a confirm page and changes nothing; POST
 * acknowledges once (the department becomes acknowledged, on the timeline as the crew).
 * Public, never cached, never indexed; it grants no session.
 */
@ApiExcludeController()
@Public()
@Controller('incident-ack')
export class IncidentAckController {
  constructor(
    private readonly acks: IncidentAcks,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const info = await this.acks.inspect(token, new Date(this.clock()));
    const kind: IncidentAckPageKind = !info
      ? 'unknown'
      : info.state === 'expired'
        ? 'expired'
        : CALLING.includes(info.status)
          ? 'confirm'
          : 'already';
    this.send(response, kind, info, token);
  }

  @Post(':token')
  async confirm(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const result = await this.acks.confirm(token, new Date(this.clock()));
    this.send(response, result.outcome, result.info, token);
  }

  private send(response: Response, kind: IncidentAckPageKind, info: IncidentAckInfo | undefined, token: string): void {
    response
      .status(STATUS[kind])
      .set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' })
      .type('html')
      .send(incidentAckPage(kind, info, encodeURIComponent(token)));
  }
}
