import { HttpStatus, ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { isMessageKey, MessageKey, Params, Text } from '@worksite/shared-i18n';
import { getMetadataStorage } from 'class-validator';
import { ApiError, Problem } from './api-error';

/** Field problems listed in one answer; the rest are only counted (`moreProblems`). */
export const MAX_PROBLEMS = 20;

/** A field and the class-validator constraints it failed, before their messages are rendered. */
interface Failure {
  field: string;
  error: ValidationError;
}

/** Flattens nested class-validator errors into failures of `field.path`, in order. */
function failures(errors: ValidationError[], prefix = '', into: Failure[] = []): Failure[] {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length) into.push({ field, error });
    if (error.children?.length) failures(error.children, field, into);
  }
  return into;
}

/** Names of the values a constraint was declared with, as its catalog message uses them. */
const CONSTRAINT_PARAMS: Partial<Record<string, (constraints: unknown[]) => Params>> = {
  isLength: ([min, max]) => ({ min: Number(min), max: Number(max) }),
  minLength: ([min]) => ({ min: Number(min) }),
  maxLength: ([max]) => ({ max: Number(max) }),
  min: ([min]) => ({ min: Number(min) }),
  max: ([max]) => ({ max: Number(max) }),
  arrayMaxSize: ([max]) => ({ max: Number(max) }),
  arrayMinSize: ([min]) => ({ min: Number(min) }),
  isEnum: ([, values]) => ({ values: (values as string[]).join(', ') }),
  isIn: ([values]) => ({ values: (values as unknown[]).join(', ') }),
  notEquals: ([value]) => ({ value: String(value) }),
};

/** The values a constraint of the DTO class was declared with (e.g. the 100 of MaxLength(100)). */
function declared(target: object | undefined, property: string, name: string): unknown[] {
  if (!target) return [];
  return (
    getMetadataStorage()
      .getTargetValidationMetadatas(target.constructor, '', true, false)
      .find((metadata) => metadata.propertyName === property && metadata.name === name)?.constraints ?? []
  );
}

/**
 * One constraint's message: the catalog entry of the key a DTO names in `context: { message }`,
 * or that a custom constraint's defaultMessage returns, else of the constraint's name;
 * `{field}` and the constraint's values interpolated.
 */
function constraintText(failure: Failure, name: string): Text {
  const own = failure.error.constraints?.[name] ?? '';
  const named =
    (failure.error.contexts?.[name] as { message?: string } | undefined)?.message ?? (isMessageKey(own) ? own : name);
  const params = CONSTRAINT_PARAMS[name];
  const values = params ? declared(failure.error.target, failure.error.property, name) : [];
  // A message naming the constraint's values needs them; without them it says less, never "{max}".
  const key: MessageKey = isMessageKey(named) && (!params || values.length > 0) ? named : 'invalidValue';
  return { key, params: { field: failure.field, ...(key === named && params ? params(values) : {}) } };
}

/** Field problems of class-validator errors: the first MAX_PROBLEMS, and how many more there were. */
export function toProblems(errors: ValidationError[]): { problems: Problem[]; more: number } {
  const all = failures(errors);
  const problems = all.slice(0, MAX_PROBLEMS).map((failure) => ({
    field: failure.field,
    messages: Object.keys(failure.error.constraints ?? {}).map((name) => constraintText(failure, name)),
  }));
  return { problems, more: all.length - problems.length };
}

/** Validation for every body and query: unknown fields rejected, values converted, each problem listed. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  stopAtFirstError: false,
  // The target lets a message name the constraint's values (MaxLength's 100); values stay out.
  validationError: { target: true, value: false },
  errorHttpStatusCode: HttpStatus.BAD_REQUEST,
  exceptionFactory: (errors) => {
    const { problems, more } = toProblems(errors);
    const fields = problems.map((problem) => problem.field);
    return more > 0
      ? ApiError.badRequest({ key: 'validation_failed_more', params: { fields, more } }, problems, {
          moreProblems: more,
        })
      : ApiError.badRequest({ key: 'validation_failed', params: { fields } }, problems);
  },
};

/** The one validation of every route, registered globally by configureApp. */
export const globalValidationPipe = (): ValidationPipe => new ValidationPipe(VALIDATION_OPTIONS);
