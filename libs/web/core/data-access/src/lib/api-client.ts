import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiErrorDto, PageDto } from '@worksite/shared-domain';
import { catchError, EMPTY, expand, map, Observable, reduce, throwError } from 'rxjs';

const PAGE_MAX = 500;

type Params = Record<string, string | number | boolean | undefined | null>;

/** An API error as the web app shows it: the server's code and message, or a network failure. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ApiErrorDto['problems'] = [],
  ) {
    super(message);
  }
}

/** Thin typed access to the REST API under /api; errors arrive as ApiFailure. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  /** `headers`: e.g. an Accept naming another form of the same resource. */
  get<T>(path: string, params: Params = {}, headers?: Record<string, string>): Observable<T> {
    return this.http.get<T>(`/api/${path}`, { params: toParams(params), headers }).pipe(catchError(toFailure));
  }

  /** Every item of a paged list (pages of 500, the API's maximum), fetched one page after another. */
  getAll<T>(path: string, params: Params = {}): Observable<T[]> {
    const page = (n: number) => this.get<PageDto<T>>(path, { ...params, page: n, pageSize: PAGE_MAX });
    return page(1).pipe(
      expand((last) => (last.page * last.pageSize < last.total && last.items.length > 0 ? page(last.page + 1) : EMPTY)),
      map((one) => one.items),
      reduce((all: T[], items) => all.concat(items), []),
    );
  }

  post<T>(path: string, body: unknown): Observable<T> {
    return this.http.post<T>(`/api/${path}`, body).pipe(catchError(toFailure));
  }

  patch<T>(path: string, body: unknown): Observable<T> {
    return this.http.patch<T>(`/api/${path}`, body).pipe(catchError(toFailure));
  }

  put<T>(path: string, body: unknown): Observable<T> {
    return this.http.put<T>(`/api/${path}`, body).pipe(catchError(toFailure));
  }

  /** `T`: the body some deletes answer with (e.g. the plan without the removed commitment). */
  delete<T = void>(path: string, params: Params = {}): Observable<T> {
    return this.http.delete<T>(`/api/${path}`, { params: toParams(params) }).pipe(catchError(toFailure));
  }
}

function toParams(params: Params): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') result = result.set(key, String(value));
  }
  return result;
}

function toFailure(error: HttpErrorResponse): Observable<never> {
  const body = error.error as Partial<ApiErrorDto> | null;
  if (error.status === 0) return throwError(() => new ApiFailure(0, 'network', 'network'));
  return throwError(
    () => new ApiFailure(error.status, body?.code ?? 'error', body?.message ?? error.message, body?.problems ?? []),
  );
}
