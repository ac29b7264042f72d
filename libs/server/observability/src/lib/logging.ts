import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { InstanceInfo } from './instance';
import { currentRequestId } from './request-context';

/** Paths not logged per request (probes and scrapes would drown the rest). */
const QUIET = /^\/api\/(health|metrics)(\?|$)/;

export interface LoggingOptions {
  level: string;
  instance: InstanceInfo;
  /** Where the JSON lines go (standard output unless given, e.g. by a test). */
  destination?: DestinationStream;
}

/**
 * Structured logs: one JSON object per line with time, level, service, instance and — inside a
 * request or a job it caused — its request id; each HTTP request is logged once when answered
 * (method, URL, status, time), 5xx as errors and 4xx as warnings. Nest's own logger writes
 * through it (`app.useLogger(app.get(Logger))`).
 */
export function loggingModule({ level, instance, destination }: LoggingOptions) {
  const options: Options = {
    level,
    base: { service: instance.service, instance: instance.id },
    messageKey: 'msg',
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    genReqId: (request: IncomingMessage) => (request as IncomingMessage & { id?: string }).id ?? '',
    autoLogging: { ignore: (request: IncomingMessage) => QUIET.test(request.url ?? '') },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    // The request id is on every line already (mixin); pino-http's own `req.id` would repeat it.
    quietReqLogger: true,
  };
  return LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options });
}
