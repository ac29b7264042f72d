import { Controller, Get, Header, Headers, HttpStatus, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApiError } from '@worksite/api-core';
import { Public } from '@worksite/auth-access';
import { AppConfig } from '@worksite/server-config';
import { mergedMetrics, MetricsPublisher } from '@worksite/server-observability';
import type { Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { InstallationMetrics } from './installation-metrics';

/**
 * Prometheus metrics of the whole installation: every api's and worker's own (HTTP latency by
 * route, job durations, Node's process figures; summed over the processes that published in
 * the last 30 s) and the installation's figures (queue depth, deliveries, night runs).
 * Open unless METRICS_TOKEN is set, then it needs `Authorization: Bearer <token>`.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly config: AppConfig,
    private readonly publisher: MetricsPublisher,
    private readonly installation: InstallationMetrics,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async metrics(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    this.authorize(authorization);
    const processes = mergedMetrics(await this.publisher.snapshots());
    response.setHeader('Content-Type', processes.contentType);
    return `${await processes.metrics()}\n${await this.installation.registry.metrics()}`;
  }

  private authorize(authorization: string | undefined): void {
    const token = this.config.METRICS_TOKEN;
    if (!token) return;
    const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, '') ?? '');
    const wanted = Buffer.from(token);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'metrics_token_required');
    }
  }
}
