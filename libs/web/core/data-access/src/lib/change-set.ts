import { HttpContextToken, HttpInterceptorFn } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CHANGE_SET_HEADER } from '@worksite/shared-domain';

/** A request's change set, set by the caller (`new HttpContext().set(CHANGE_SET, id)`). */
export const CHANGE_SET = new HttpContextToken<string | null>(() => null);

/** The change set that writes made now belong to (set by ChangeHistory.run while an edit saves). */
@Injectable({ providedIn: 'root' })
export class ChangeSetScope {
  active: string | null = null;
}

/**
 * Names the change set of every write (POST, PUT, PATCH, DELETE) in the X-Change-Set header:
 * the one the request's context carries, else the one of the edit being saved. The API groups
 * what the writes of one user action did under it, so that the action can be undone at once.
 */
export const changeSetInterceptor: HttpInterceptorFn = (request, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || request.headers.has(CHANGE_SET_HEADER)) {
    return next(request);
  }
  const id = request.context.get(CHANGE_SET) ?? inject(ChangeSetScope).active;
  return next(id ? request.clone({ setHeaders: { [CHANGE_SET_HEADER]: id } }) : request);
};

/** A random (version 4) UUID, also where crypto.randomUUID is missing (pages served over plain http). */
export function newChangeSetId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
