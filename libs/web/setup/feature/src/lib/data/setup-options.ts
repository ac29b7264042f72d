import { computed, inject, Injectable, signal } from '@angular/core';
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';
import { FieldOption } from '../forms/form-model';

export type OptionSource = 'departments' | 'contractors' | 'crews' | 'calendars' | 'projects';

interface Named {
  id: string;
  name: string;
  code?: string;
}

/**
 * The records other forms choose from (a contractor's department, a project's calendar, a
 * user's crews…), loaded when a screen asks for them, and their names by id for the lists.
 */
@Injectable()
export class SetupOptions {
  private readonly api = inject(ApiClient);
  private readonly lists = signal<Record<OptionSource, Named[]>>({
    departments: [],
    contractors: [],
    crews: [],
    calendars: [],
    projects: [],
  });

  private readonly names = computed(() => {
    const map = new Map<string, string>();
    for (const list of Object.values(this.lists())) for (const item of list) map.set(item.id, item.name);
    return map;
  });

  /** Loads (again) the lists a screen chooses from. */
  async load(...sources: OptionSource[]): Promise<void> {
    await Promise.all(
      sources.map(async (source) => {
        const items = await firstValueFrom(this.api.getAll<Named>(source)).catch(() => [] as Named[]);
        this.lists.update((lists) => ({ ...lists, [source]: items }));
      }),
    );
  }

  options(source: OptionSource): () => FieldOption[] {
    return () =>
      this.lists()[source].map((item) => ({
        value: item.id,
        label: item.code ? `${item.code} · ${item.name}` : item.name,
      }));
  }

  nameOf(id: string | null | undefined): string {
    return id ? (this.names().get(id) ?? '…') : '';
  }
}
