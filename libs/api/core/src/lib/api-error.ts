import { HttpException, HttpStatus } from '@nestjs/common';
import { Resource } from '@worksite/auth-access';
import { LocalizedText, MessageKey, NounKey, Text, TextRef, textOf, translate } from '@worksite/shared-i18n';

/** One problem with one field of a request, as sent: messages in the request's language. */
export interface FieldProblem {
  field: string;
  messages: string[];
}

/** One problem with one field, before rendering: messages from the catalog of @worksite/shared-i18n. */
export interface Problem {
  field: string;
  messages: TextRef[];
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

/** A thing named in messages: the resource names of the access rules (task, crew-channel…). */
export type Noun = { [K in NounKey]: K extends `noun.${infer Name}` ? Name : never }[NounKey] | Resource;
export const noun = (name: Noun): Text => ({ key: `noun.${name}` as NounKey });

/**
 * Throw this to answer with a specific status and code. The message is a catalog key (with
 * parameters), rendered in the request's language when the answer is sent; `extra` fields
 * (e.g. the tasks of a conflict) go into the body as they are, `problems` are rendered too.
 */
export class ApiError extends HttpException {
  readonly text: Text | LocalizedText;
  readonly problems?: Problem[];
  readonly extra: Record<string, unknown>;

  constructor(
    status: HttpStatus,
    readonly code: string,
    text: TextRef = code as MessageKey,
    { problems, ...extra }: Record<string, unknown> & { problems?: Problem[] } = {},
  ) {
    const rendered = textOf(text);
    // getResponse() is the body in English (logs, tests); clients get it in their own language.
    super({ statusCode: status, code, message: translate('en', rendered), ...extra }, status);
    this.text = rendered;
    this.problems = problems;
    this.extra = extra;
  }

  static notFound(what: Noun, id: string): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, 'not_found', {
      key: 'not_found_entity',
      params: { entity: noun(what), id },
    });
  }

  static badRequest(text: TextRef, problems?: Problem[], extra: Record<string, unknown> = {}): ApiError {
    return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', text, { ...extra, problems });
  }

  /** 400 for a field naming a row that does not exist (or that the actor may not see). */
  static missingReference(field: string, what: Noun): ApiError {
    const entity = noun(what);
    return ApiError.badRequest({ key: 'reference_missing', params: { field, entity } }, [
      problem(field, 'noSuchRow', { entity }),
    ]);
  }

  static conflict(code: string, text: TextRef, extra: Record<string, unknown> = {}): ApiError {
    return new ApiError(HttpStatus.CONFLICT, code, text, extra);
  }
}

/** A field problem with one message from the catalog (`{field}` is the field's name). */
export const problem = (field: string, key: MessageKey, params?: Text['params']): Problem => ({
  field,
  messages: [textOf(key, { field, ...params })],
});
