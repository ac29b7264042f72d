import { HttpStatus } from '@nestjs/common';
import { TextRef } from '@worksite/shared-i18n';
import { raw } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';
import { bodyShapeProblem } from './body-shape';
import { sendError } from './error-body';

/** The documented largest request body. */
export const BODY_LIMIT = '1mb';
const BODY_LIMIT_TEXT = '1 MB';

/*
 * These middlewares answer by themselves instead of passing the error on with next(error):
 * an error passed on skips the routes and meets ServeStaticModule's error handler (the api
 * serves the web app), which turns any error on /api/* into 404 "Cannot POST …".
 */

/** Refuses a body that is not JSON (text, forms, multipart…) instead of validating it as empty. */
export function unreadableBody(request: Request, response: Response, next: NextFunction): void {
  const hasContent =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  // A spreadsheet upload read by spreadsheetBody.
  if (Buffer.isBuffer(request.body)) return next();
  if (hasContent && !request.is('application/json')) {
    return sendError(request, response, new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type'));
  }
  next();
}

/** Answers to the errors express' body parser raises, by their `type`. */
const ANSWERS: Record<string, [HttpStatus, string, TextRef]> = {
  'entity.parse.failed': [HttpStatus.BAD_REQUEST, 'malformed_json', 'malformed_json'],
  'entity.too.large': [
    HttpStatus.PAYLOAD_TOO_LARGE,
    'payload_too_large',
    { key: 'payload_too_large', params: { limit: BODY_LIMIT_TEXT } },
  ],
  'parameters.too.many': [HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', 'too_many_parameters'],
  'charset.unsupported': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', 'charset_unsupported'],
  'encoding.unsupported': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', 'encoding_unsupported'],
};

/** Express error middleware placed right after the body parser: every body error gets its own code. */
export function bodyParserErrors(error: unknown, request: Request, response: Response, next: NextFunction): void {
  const answer = ANSWERS[(error as { type?: string } | null)?.type ?? ''];
  if (!answer) return next(error);
  sendError(request, response, new ApiError(...answer));
}

/**
 * Refuses a parsed body too deep, too wide or too long for any route (400 body_too_complex)
 * before validation looks at it: see bodyShapeProblem.
 */
export function bodyShape(request: Request, response: Response, next: NextFunction): void {
  // Every body the api takes is one object: a list is refused like any other non-object JSON.
  if (Buffer.isBuffer(request.body)) return next();
  if (Array.isArray(request.body)) {
    return sendError(request, response, new ApiError(HttpStatus.BAD_REQUEST, 'malformed_json'));
  }
  const problem = request.body === undefined ? null : bodyShapeProblem(request.body);
  if (!problem) return next();
  sendError(
    request,
    response,
    new ApiError(HttpStatus.BAD_REQUEST, 'body_too_complex', { key: problem.key, params: { limit: problem.limit } }),
  );
}

/** The media type of an .xlsx workbook. */
export const SPREADSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The largest spreadsheet an upload route takes. */
export const SPREADSHEET_LIMIT_BYTES = 10 * 1024 * 1024;
/** The routes (POST) that take a raw .xlsx body instead of JSON; add an import route here. */
export const SPREADSHEET_ROUTES: RegExp[] = [/^\/api\/locations\/import$/];

const spreadsheetParser = raw({ type: SPREADSHEET_TYPE, limit: SPREADSHEET_LIMIT_BYTES });

/**
 * Reads the body of a spreadsheet upload (SPREADSHEET_ROUTES, Content-Type SPREADSHEET_TYPE,
 * at most 10 MB) into a Buffer, before the JSON parser; every other request passes untouched.
 */
export function spreadsheetBody(request: Request, response: Response, next: NextFunction): void {
  if (
    request.method !== 'POST' ||
    !request.is(SPREADSHEET_TYPE) ||
    !SPREADSHEET_ROUTES.some((route) => route.test(request.path))
  ) {
    return next();
  }
  spreadsheetParser(request, response, (error?: unknown) => {
    if (!error) return next();
    const tooLarge = (error as { type?: string }).type === 'entity.too.large';
    sendError(
      request,
      response,
      tooLarge
        ? new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', {
            key: 'payload_too_large',
            params: { limit: '10 MB' },
          })
        : new ApiError(HttpStatus.BAD_REQUEST, 'spreadsheet_unreadable'),
    );
  });
}
