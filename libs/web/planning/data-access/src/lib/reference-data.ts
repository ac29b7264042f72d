import { inject, Injectable } from '@angular/core';
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom, forkJoin } from 'rxjs';
import { CrewRef, DepartmentRef, LocationRef, ReferenceMaps } from './reference.types';

/**
 * Departments, crews and locations, loaded once per page load (they change rarely and
 * every view needs their names). `reload()` forgets the cache, e.g. after a 409.
 */
@Injectable({ providedIn: 'root' })
export class ReferenceData {
  private readonly api = inject(ApiClient);
  private cached: Promise<ReferenceMaps> | null = null;

  load(): Promise<ReferenceMaps> {
    this.cached ??= firstValueFrom(
      forkJoin({
        departments: this.api.getAll<DepartmentRef>('departments'),
        crews: this.api.getAll<CrewRef>('crews'),
        locations: this.api.getAll<LocationRef>('locations'),
      }),
    ).then(
      (lists) => ({
        departments: byId(lists.departments),
        crews: byId(lists.crews),
        locations: byId(lists.locations),
      }),
      (error: unknown) => {
        this.cached = null;
        throw error;
      },
    );
    return this.cached;
  }

  reload(): Promise<ReferenceMaps> {
    this.cached = null;
    return this.load();
  }
}

function byId<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
