import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';

/** The body types the parsers of configureApp read; any other body would arrive as empty. */
const READABLE = ['application/json', 'application/x-www-form-urlencoded'];

/** Refuses a body the API cannot read (text, multipart...) instead of validating it as empty. */
export function unreadableBody(request: Request, _response: Response, next: NextFunction): void {
  const hasContent =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  next(
    hasContent && !request.is(READABLE)
      ? new ApiError(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          'unsupported_media_type',
          'Send the request body as JSON (Content-Type: application/json).',
        )
      : undefined,
  );
}

/** Answers to the errors express' body parser raises, by their `type`. */
const ANSWERS: Record<string, [HttpStatus, string, string]> = {
  'entity.parse.failed': [HttpStatus.BAD_REQUEST, 'malformed_json', 'The request body is not a valid JSON object.'],
  'entity.too.large': [HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', 'The request body is too large.'],
  'parameters.too.many': [
    HttpStatus.PAYLOAD_TOO_LARGE,
    'payload_too_large',
    'The request body has too many parameters.',
  ],
  'charset.unsupported': [
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'unsupported_media_type',
    'The request body must be UTF-8.',
  ],
  'encoding.unsupported': [
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'unsupported_media_type',
    'The content encoding of the request body is not supported.',
  ],
};

/**
 * Express error middleware placed right after the body parsers. Without it Nest turns a
 * JSON syntax error into a bare 400 carrying the parser's message; with it every body
 * error reaches the error filter as an ApiError with its own code.
 */
export function bodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const answer = ANSWERS[(error as { type?: string } | null)?.type ?? ''];
  next(answer ? new ApiError(...answer) : error);
}
