import { HttpStatus } from '@nestjs/common';
import { isMessageKey, NounKey, Text } from '@worksite/shared-i18n';
import { QueryFailedError } from 'typeorm';
import { ApiError, problem } from './api-error';

interface PgError {
  code?: string;
  detail?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The noun of a table's rows: crew_channels → "crew channel" (noun.crew-channel), else "record". */
function nounOfTable(table: string | undefined): Text {
  const key = `noun.${(table ?? '').replace(/ies$/, 'y').replace(/s$/, '').replace(/_/g, '-')}`;
  return { key: isMessageKey(key) ? (key as NounKey) : 'noun.record' };
}

/**
 * Maps PostgreSQL errors that input can cause to readable 4xx answers, without SQL:
 * unique keys → 409, missing references → 400, rows still referenced → 409, a null
 * for a required column or text PostgreSQL cannot store → 400.
 */
export function fromDatabaseError(error: QueryFailedError): ApiError | undefined {
  const pg = error.driverError as PgError;
  const detail = pg.detail ?? '';
  switch (pg.code) {
    case '23505': {
      const columns = /^Key \(([^)]+)\)=/.exec(detail)?.[1]?.split(', ').map(camel) ?? [];
      return new ApiError(
        HttpStatus.CONFLICT,
        'already_exists',
        { key: 'already_exists', params: { entity: nounOfTable(pg.table), columns } },
        { problems: columns.map((field) => problem(field, 'unique')) },
      );
    }
    case '23503': {
      const missing = /^Key \(([^)]+)\)=\([^)]*\) is not present in table "([^"]+)"/.exec(detail);
      if (missing) {
        const field = camel(missing[1]);
        const entity = nounOfTable(missing[2]);
        return ApiError.badRequest({ key: 'reference_missing', params: { field, entity } }, [
          problem(field, 'noSuchRow', { entity }),
        ]);
      }
      const usedBy = /is still referenced from table "([^"]+)"/.exec(detail);
      return ApiError.conflict('still_referenced', {
        key: 'still_referenced',
        params: { entity: nounOfTable(usedBy?.[1]) },
      });
    }
    case '23502': {
      // An optional field sent as null where the column takes no null (on create it has a default).
      const field = camel(pg.column ?? 'value');
      return ApiError.badRequest({ key: 'not_null', params: { field } }, [problem(field, 'notNull')]);
    }
    case '22021':
    case '22P05':
      return ApiError.badRequest('text_unstorable');
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return ApiError.badRequest('value_out_of_range');
    default:
      return undefined;
  }
}
