import { isLocalDate, isTimeZone } from '@worksite/shared-util-time';
import { ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

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

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant: ISO 8601 date-time with an explicit offset, so it cannot be read in the wrong zone. */
@ValidatorConstraint({ name: 'instant' })
export class IsInstantRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      typeof value === 'string' &&
      INSTANT.test(value) &&
      // Date.parse rolls 2026-02-30 over to March; the date itself must exist.
      isLocalDate(value.slice(0, 10)) &&
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
    return typeof value === 'string' && isTimeZone(value) && isIanaZone(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be an IANA time zone such as Asia/Shanghai`;
  }
}

/**
 * True when Intl knows the zone by name. isTimeZone (luxon) also takes 'system' or
 * 'UTC+8', which are no IANA zones and which the working calendar cannot compile.
 */
function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
