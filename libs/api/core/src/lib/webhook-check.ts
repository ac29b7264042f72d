import { AppConfig } from '@worksite/server-config';
import { checkOutboundUrl, outboundPolicy } from '@worksite/server-outbound';
import { ApiError, Problem, problem } from './api-error';

/**
 * A robot webhook is called by the server: https to a public host only (OUTBOUND_* settings),
 * checked when saved (a 400 naming the reason at `field`) and again on the resolved addresses
 * at each send. One rule for crews' channels and buildings' residents' group robots.
 */
export function refuseWebhook(kind: string, address: string, field: string, config: AppConfig): void {
  const refusal = checkOutboundUrl(address, outboundPolicy(config));
  if (!refusal) return;
  const reason: Problem =
    refusal.code === 'forbidden_host'
      ? problem(field, 'outboundForbiddenHost', {
          host: new URL(address).hostname,
          range: { key: `range.${refusal.range ?? 'reserved'}` },
        })
      : problem(field, refusal.code === 'scheme' && !config.OUTBOUND_ALLOW_HTTP ? 'outboundHttpsOnly' : 'outboundUrl');
  throw ApiError.badRequest({ key: 'webhook_refused', params: { kind, problem: reason.messages[0] } }, [reason]);
}
