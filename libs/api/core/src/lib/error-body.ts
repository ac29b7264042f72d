import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  DEFAULT_LOCALE,
  isMessageKey,
  Locale,
  localeOfTag,
  MessageKey,
  TextRef,
  textOf,
  translate,
} from '@worksite/shared-i18n';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ApiError, ApiErrorBody, FieldProblem, Problem } from './api-error';
import { fromDatabaseError } from './database-errors';

const logger = new Logger('HttpError');

/** The language of the request's Accept-Language (zh*, en*); Chinese when it names neither. */
export function localeOf(request: Request): Locale {
  const header = request.headers?.['accept-language'];
  if (!header) return DEFAULT_LOCALE;
  return localeOfTag(request.acceptsLanguages('zh-CN', 'zh', 'en')) ?? DEFAULT_LOCALE;
}

/** Error codes of the statuses errors are raised with outside our own ApiError. */
const CODES: Partial<Record<number, MessageKey>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/**
 * Any thrown value as the one error shape, in `locale`. Database errors caused by input become
 * 4xx; an HttpException not of our making gets its status's code and text (a route that does
 * not exist is named); anything else is a 500 that reveals nothing.
 */
export function errorBody(exception: unknown, locale: Locale, request?: Request): ApiErrorBody {
  const error = asApiError(exception, request);
  const known = !('key' in error.text) || isMessageKey(error.text.key);
  const text = known ? error.text : textOf(CODES[error.getStatus()] ?? 'error');
  if (!known) logger.warn(`No message "${JSON.stringify(error.text)}" in the catalog (code ${error.code})`);
  const body: ApiErrorBody = {
    statusCode: error.getStatus(),
    code: error.code,
    message: translate(locale, text),
    ...error.extra,
  };
  if (error.problems) body.problems = renderProblems(error.problems, locale);
  return body;
}

function asApiError(exception: unknown, request: Request | undefined): ApiError {
  if (exception instanceof ApiError) return exception;
  if (exception instanceof QueryFailedError) {
    const mapped = fromDatabaseError(exception);
    if (mapped) return mapped;
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Our routes throw ApiError; a bare 404 comes from the router: no such method and path.
    if (status === HttpStatus.NOT_FOUND && request && /^Cannot \w+ /.test(exception.message)) {
      return new ApiError(status, 'not_found', {
        key: 'route_not_found',
        params: { method: request.method, path: request.path },
      });
    }
    const code = CODES[status] ?? (status >= 500 ? 'internal_error' : 'error');
    return new ApiError(status, code, code);
  }
  return new ApiError(HttpStatus.INTERNAL_SERVER_ERROR, 'internal_error');
}

function renderProblems(problems: Problem[], locale: Locale): FieldProblem[] {
  return problems.map((problem) => ({
    field: problem.field,
    messages: problem.messages.map((message: TextRef) => translate(locale, message)),
  }));
}

/**
 * Answers a request with the error shape, in the request's language. The exception filter
 * uses it, and so does express middleware that runs before (or outside) Nest's routing.
 */
export function sendError(request: Request, response: Response, exception: unknown): void {
  const locale = localeOf(request);
  const body = errorBody(exception, locale, request);
  if (body.statusCode >= 500) logger.error(exception instanceof Error ? exception.stack : exception);
  response.setHeader('Content-Language', locale);
  response.vary('Accept-Language');
  response.status(body.statusCode).json(body);
}
