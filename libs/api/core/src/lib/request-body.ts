import { HttpStatus } from '@nestjs/common';
import { TextRef } from '@worksite/shared-i18n';
import { json, raw } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError } from './api-error';
import { BodyShapeLimits, bodyShapeProblem } from './body-shape';
import { sendError } from './error-body';

/** The documented largest request body. */
export const BODY_LIMIT = '1mb';

/** The media type of an .xlsx workbook. */
export const SPREADSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Bulk routes (imports: POST /api/projects/:id/import, import.xlsx, import.xml, and the
 * community sheet POST /api/locations/import) take larger bodies: JSON of up to 20 MB holding
 * 10,000s of rows, or a spreadsheet / MS Project file (raw, or multipart with the file in
 * `file`). Every other route keeps the limits above.
 */
export const BULK_ROUTE = /^\/api\/(projects\/[^/]+\/import(\.xlsx|\.xml)?|locations\/import)\/?$/;
export const BULK_BODY_LIMIT = '20mb';
/** Shape limits of a bulk JSON body: rows of ~20 fields, 20,000 tasks and 40,000 links. */
export const BULK_SHAPE_LIMITS: BodyShapeLimits = { depth: 8, keys: 200, items: 40_000, values: 2_000_000 };
/** File types the bulk routes take as raw bodies. */
export const BULK_FILE_TYPES = [
  SPREADSHEET_TYPE,
  'application/octet-stream',
  'application/xml',
  'text/xml',
];

const isBulk = (request: Request) => request.method === 'POST' && BULK_ROUTE.test(request.path);

const bulkParsers: RequestHandler[] = [
  json({ limit: BULK_BODY_LIMIT }),
  raw({ type: BULK_FILE_TYPES, limit: BULK_BODY_LIMIT }),
];

/** Reads the body of a bulk route with its own limits (before the global parser, which then skips it). */
export function bulkBody(request: Request, response: Response, next: NextFunction): void {
  if (!isBulk(request)) return next();
  let at = 0;
  const step = (error?: unknown): void => {
    if (error || at >= bulkParsers.length) return next(error);
    bulkParsers[at++](request, response, step);
  };
  step();
}

const megabytes = (bytes: unknown) => `${Math.round(Number(bytes) / 1_048_576)} MB`;

/*
 * These middlewares answer by themselves instead of passing the error on with next(error):
 * an error passed on skips the routes and meets ServeStaticModule's error handler (the api
 * serves the web app), which turns any error on /api/* into 404 "Cannot POST …".
 */

/** Refuses a body that is not JSON (text, forms, multipart…) instead of validating it as empty. */
export function unreadableBody(request: Request, response: Response, next: NextFunction): void {
  const hasContent =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  const accepted = isBulk(request)
    ? ['application/json', 'multipart/form-data', ...BULK_FILE_TYPES]
    : ['application/json'];
  if (hasContent && !request.is(accepted)) {
    return sendError(request, response, new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type'));
  }
  next();
}

/** Answers to the errors express' body parser raises, by their `type`. */
const ANSWERS: Record<string, [HttpStatus, string, TextRef]> = {
  'entity.parse.failed': [HttpStatus.BAD_REQUEST, 'malformed_json', 'malformed_json'],
  'parameters.too.many': [HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', 'too_many_parameters'],
  'charset.unsupported': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', 'charset_unsupported'],
  'encoding.unsupported': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', 'encoding_unsupported'],
};

/** Express error middleware placed right after the body parser: every body error gets its own code. */
export function bodyParserErrors(error: unknown, request: Request, response: Response, next: NextFunction): void {
  const type = (error as { type?: string } | null)?.type ?? '';
  if (type === 'entity.too.large') {
    const limit = megabytes((error as { limit?: number }).limit ?? 1_048_576);
    return sendError(
      request,
      response,
      new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', { key: 'payload_too_large', params: { limit } }),
    );
  }
  const answer = ANSWERS[type];
  if (!answer) return next(error);
  sendError(request, response, new ApiError(...answer));
}

/**
 * Refuses a parsed body too deep, too wide or too long for any route (400 body_too_complex)
 * before validation looks at it: see bodyShapeProblem.
 */
export function bodyShape(request: Request, response: Response, next: NextFunction): void {
  // Every body the api takes is one object: a list is refused like any other non-object JSON.
  if (Array.isArray(request.body)) {
    return sendError(request, response, new ApiError(HttpStatus.BAD_REQUEST, 'malformed_json'));
  }
  const bulk = isBulk(request);
  if (bulk && Buffer.isBuffer(request.body)) return next();
  const problem =
    request.body === undefined ? null : bodyShapeProblem(request.body, bulk ? BULK_SHAPE_LIMITS : undefined);
  if (!problem) return next();
  sendError(
    request,
    response,
    new ApiError(HttpStatus.BAD_REQUEST, 'body_too_complex', { key: problem.key, params: { limit: problem.limit } }),
  );
}
