import { HttpException, HttpStatus } from '@nestjs/common';

/** One problem with one field of a request. */
export interface FieldProblem {
  field: string;
  messages: string[];
}

/**
 * The one JSON shape of every error the API returns: a stable `code` the web app
 * translates, a sentence for people, and per-field problems where there are some.
 */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  problems?: FieldProblem[];
  [extra: string]: unknown;
}

/** Throw this to answer with a specific code, message and extra details. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string, extra: Record<string, unknown> = {}) {
    super({ statusCode: status, code, message, ...extra } satisfies ApiErrorBody, status);
  }

  static notFound(what: string, id: string): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, 'not_found', `${what} ${id} does not exist`);
  }

  static badRequest(message: string, problems?: FieldProblem[]): ApiError {
    return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', message, problems ? { problems } : {});
  }

  static conflict(code: string, message: string, extra: Record<string, unknown> = {}): ApiError {
    return new ApiError(HttpStatus.CONFLICT, code, message, extra);
  }
}
