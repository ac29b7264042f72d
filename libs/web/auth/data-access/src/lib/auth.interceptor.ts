import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { ReloginPrompt } from './relogin';
import { SessionStore, SKIP_AUTH } from './session.store';

const withToken = (request: HttpRequest<unknown>, token: string | null) =>
  token ? request.clone({ setHeaders: { authorization: `Bearer ${token}` } }) : request;

/**
 * Adds the interface language (the server answers its messages in it) and the bearer token
 * to API requests. On a 401 it refreshes the session once and retries the request once. When
 * the refresh fails under a signed-in page, a login dialog opens over it (ReloginPrompt) and
 * the request is sent again after the login, so a save is not lost; cancelling it, or a page
 * never signed in, goes to the login page.
 */
export const authInterceptor: HttpInterceptorFn = (original, next) => {
  if (!original.url.startsWith('/api/')) return next(original);
  const language = inject(TranslateService).getCurrentLang() || 'zh-CN';
  const request = original.clone({ setHeaders: { 'accept-language': language } });
  if (request.context.get(SKIP_AUTH)) return next(request);
  const session = inject(SessionStore);
  const router = inject(Router);
  const relogin = inject(ReloginPrompt);
  const toLogin = (error: unknown) => {
    session.end();
    void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
    return throwError(() => error);
  };
  return next(withToken(request, session.accessToken())).pipe(
    catchError((error: unknown) => {
      if (!isUnauthorized(error)) return throwError(() => error);
      const username = session.user()?.username;
      return session.refresh().pipe(
        catchError(() =>
          username ? relogin.waitForLogin(username).pipe(catchError(() => toLogin(error))) : toLogin(error),
        ),
        switchMap((token) =>
          next(withToken(request, token)).pipe(
            catchError((retryError: unknown) =>
              isUnauthorized(retryError) ? toLogin(retryError) : throwError(() => retryError),
            ),
          ),
        ),
      );
    }),
  );
};

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}
