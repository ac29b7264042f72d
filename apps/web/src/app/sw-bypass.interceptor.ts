import { HttpInterceptorFn } from '@angular/common/http';

/**
 * API calls go straight to the network, not through the service worker (it caches the app's
 * files only): a failed call then fails as the browser saw it, and nothing pays the worker's hop.
 */
export const swBypassInterceptor: HttpInterceptorFn = (request, next) =>
  next(request.url.startsWith('/api/') ? request.clone({ setHeaders: { 'ngsw-bypass': 'true' } }) : request);
