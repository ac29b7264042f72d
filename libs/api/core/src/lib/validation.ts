import { HttpStatus, ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { ApiError, FieldProblem } from './api-error';

/** Flattens nested class-validator errors into `field.path: messages` problems. */
export function toProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    const nested = toProblems(error.children ?? [], field);
    return own.length ? [{ field, messages: own }, ...nested] : nested;
  });
}

/** Validation for every body and query: unknown fields rejected, values converted, each problem listed. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  stopAtFirstError: false,
  errorHttpStatusCode: HttpStatus.BAD_REQUEST,
  exceptionFactory: (errors) => {
    const problems = toProblems(errors);
    const summary = problems.map((problem) => problem.field).join(', ');
    return ApiError.badRequest(`Invalid request: check ${summary}`, problems);
  },
};

/** A ValidationPipe for one explicit DTO class (used where the parameter type is generic). */
export function validate(expectedType: new () => object): ValidationPipe {
  return new ValidationPipe({ ...VALIDATION_OPTIONS, expectedType });
}
