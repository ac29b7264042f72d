import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { IMPORT_FIELDS, IMPORT_HEADERS, ImportField, ImportProblem } from '@worksite/import-domain';
import { Locale, MessageKey, translate } from '@worksite/shared-i18n';
import { ImportRejected } from './import.service';

/** One problem as sent: row, code, field, the column's header and the message in the request's language. */
export interface RenderedProblem {
  row: number;
  code?: string;
  field: string;
  column: string;
  message: string;
}

// Every problem key of the import domain is a message of the catalog.
const key = (problem: ImportProblem): MessageKey => problem.key satisfies MessageKey;

/** The header of a field's column in a language (the field itself when it is not a sheet column). */
export function columnOf(field: string, locale: Locale, headerOf?: (field: ImportField) => string | undefined): string {
  if (!(IMPORT_FIELDS as readonly string[]).includes(field)) return field;
  return headerOf?.(field as ImportField) ?? IMPORT_HEADERS[field as ImportField][locale];
}

export function renderProblems(
  problems: readonly ImportProblem[],
  locale: Locale,
  headerOf?: (field: ImportField) => string | undefined,
): RenderedProblem[] {
  return problems.map((problem) => ({
    row: problem.row,
    ...(problem.code ? { code: problem.code } : {}),
    field: problem.field,
    column: columnOf(problem.field, locale, headerOf),
    message: translate(locale, { key: key(problem), params: problem.params }),
  }));
}

/** 422 import_invalid with every problem (and, on a dry run, the summary of nothing). */
export function rejection(
  error: ImportRejected,
  locale: Locale,
  extra: Record<string, unknown> = {},
  headerOf?: (field: ImportField) => string | undefined,
): ApiError {
  return new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'import_invalid',
    { key: 'import_invalid', params: { count: error.problems.length } },
    { dryRun: error.dryRun, report: renderProblems(error.problems, locale, headerOf), ...extra },
  );
}
