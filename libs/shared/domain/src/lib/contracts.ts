/**
 * JSON shapes the API returns and the web app reads. Instants are ISO 8601 strings in
 * UTC; local dates are YYYY-MM-DD in the project's time zone.
 */

/** One page of a list. */
export interface PageDto<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The one shape of every API error. */
export interface ApiErrorDto {
  statusCode: number;
  code: string;
  message: string;
  problems?: { field: string; messages: string[] }[];
}

export interface ProjectDto {
  id: string;
  version: number;
  code: string;
  name: string;
  description: string | null;
  timeZone: string;
  calendarId: string;
  startDate: string;
  endDate: string | null;
  coordinatorName: string | null;
  coordinatorPhone: string | null;
  createdAt: string;
  updatedAt: string;
}
