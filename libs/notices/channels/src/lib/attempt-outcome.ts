import { Logger } from '@nestjs/common';
import { AttemptOutcome } from '@worksite/notices-domain';
import { ProviderError } from './provider-error';

/**
 * One provider call as the ledger records it: sent with the provider's answer; a ProviderError
 * by its outcome (unknown is never retried, not-delivered is); anything else is a bug of ours
 * while building the message — nothing left this process, so it may be tried again.
 */
export async function attemptOutcome(
  call: () => Promise<unknown>,
  logger: Logger,
  what: string,
): Promise<AttemptOutcome> {
  try {
    return { kind: 'sent', response: await call() };
  } catch (error) {
    if (error instanceof ProviderError) {
      logger.warn(`${what}: ${error.message}`);
      return error.outcome === 'unknown'
        ? { kind: 'unknown', error: error.message }
        : { kind: 'not-delivered', error: error.message, response: error.response, retriable: true };
    }
    logger.error(`${what}: ${(error as Error).stack ?? error}`);
    return { kind: 'not-delivered', error: `internal error: ${(error as Error).message}`, retriable: true };
  }
}
