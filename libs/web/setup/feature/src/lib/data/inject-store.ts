import { inject } from '@angular/core';
import { Role } from '@worksite/shared-domain';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ApiClient } from '@worksite/web-core-data-access';
import { Query, ResourceStore, Versioned } from './resource-store';

/** A store of one API resource for the component being created (call in a field initializer). */
export function injectStore<T extends Versioned>(path: string, query?: () => Query): ResourceStore<T> {
  return new ResourceStore<T>(inject(ApiClient), path, query);
}

/** Whether the signed-in user is an administrator (who alone deletes reference data and edits users). */
export function injectIsAdmin(): () => boolean {
  const session = inject(SessionStore);
  return () => session.role() === Role.Admin;
}
