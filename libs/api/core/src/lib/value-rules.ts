import { isLocalDate, isTimeZone } from '@worksite/shared-util-time';
import {
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

/** A real calendar date written YYYY-MM-DD. */
@ValidatorConstraint({ name: 'localDate' })
export class IsLocalDateRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isLocalDate(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a real date written YYYY-MM-DD`;
  }
}

const INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant: ISO 8601 date-time with an explicit offset, so it cannot be read in the wrong zone. */
@ValidatorConstraint({ name: 'instant' })
export class IsInstantRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      typeof value === 'string' &&
      INSTANT.test(value) &&
      !Number.isNaN(Date.parse(value))
    );
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be an ISO 8601 date-time with an offset, e.g. 2026-12-01T08:00:00+08:00`;
  }
}

/** An IANA time zone name such as Asia/Shanghai. */
@ValidatorConstraint({ name: 'timeZone' })
export class IsTimeZoneRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isTimeZone(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be an IANA time zone such as Asia/Shanghai`;
  }
}
