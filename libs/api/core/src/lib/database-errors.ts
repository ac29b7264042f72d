import { HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiErrorBody } from './api-error';

interface PgError {
  code?: string;
  detail?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const singular = (table: string) => table.replace(/ies$/, 'y').replace(/s$/, '').replace(/_/g, ' ');

/**
 * Maps PostgreSQL errors that input can cause to readable 4xx answers, without SQL:
 * unique keys → 409, missing references → 400, rows still referenced → 409, a null
 * for a required column or text PostgreSQL cannot store → 400.
 */
export function fromDatabaseError(error: QueryFailedError): ApiErrorBody | undefined {
  const pg = error.driverError as PgError;
  const detail = pg.detail ?? '';
  switch (pg.code) {
    case '23505': {
      const columns = /^Key \(([^)]+)\)=/.exec(detail)?.[1]?.split(', ').map(camel) ?? [];
      return {
        statusCode: HttpStatus.CONFLICT,
        code: 'already_exists',
        message: `A ${singular(pg.table ?? 'record')} with the same ${columns.join(' and ') || 'key'} already exists.`,
        problems: columns.map((field) => ({
          field,
          messages: ['must be unique'],
        })),
      };
    }
    case '23503': {
      const missing = /^Key \(([^)]+)\)=\([^)]*\) is not present in table "([^"]+)"/.exec(detail);
      if (missing) {
        const field = camel(missing[1]);
        return {
          statusCode: HttpStatus.BAD_REQUEST,
          code: 'validation_failed',
          message: `${field} refers to a ${singular(missing[2])} that does not exist.`,
          problems: [{ field, messages: [`no ${singular(missing[2])} with this id`] }],
        };
      }
      const usedBy = /is still referenced from table "([^"]+)"/.exec(detail);
      return {
        statusCode: HttpStatus.CONFLICT,
        code: 'still_referenced',
        message: `This record is still used by ${usedBy ? usedBy[1].replace(/_/g, ' ') : 'other records'}; remove or change those first.`,
      };
    }
    case '23502': {
      // An optional field sent as null where the column takes no null (on create it has a default).
      const field = camel(pg.column ?? 'value');
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: 'validation_failed',
        message: `${field} must not be null; leave the field out instead.`,
        problems: [{ field, messages: [`${field} must not be null`] }],
      };
    }
    case '22021':
    case '22P05':
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: 'validation_failed',
        message: 'A text in the request contains a character that cannot be stored (such as \\u0000).',
      };
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: 'validation_failed',
        message: 'A value in the request is out of range or malformed.',
      };
    default:
      return undefined;
  }
}
