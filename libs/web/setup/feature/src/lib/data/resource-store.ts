import { computed, signal } from '@angular/core';
import { PageDto } from '@worksite/shared-domain';
import { ApiClient, ApiFailure } from '@worksite/web-core-data-access';
import { firstValueFrom, Observable } from 'rxjs';

/** Every stored record has an id and the version a PATCH must send back. */
export interface Versioned {
  id: string;
  version: number;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/** What a write ended with: the stored record, or the API's refusal. */
export type WriteResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export const PAGE_SIZE = 20;

/**
 * One API resource (`departments`, `crew-channels`, …) as the setup screens use it: a page of
 * the list with loading and error state, and the writes (create, versioned update, delete).
 */
export class ResourceStore<T extends Versioned> {
  private readonly state = signal<{
    items: T[];
    total: number;
    page: number;
    loading: boolean;
    error: ApiFailure | null;
  }>({
    items: [],
    total: 0,
    page: 1,
    loading: false,
    error: null,
  });

  readonly items = computed(() => this.state().items);
  readonly total = computed(() => this.state().total);
  readonly page = computed(() => this.state().page);
  readonly pages = computed(() => Math.max(1, Math.ceil(this.state().total / this.pageSize)));
  readonly loading = computed(() => this.state().loading);
  readonly error = computed(() => this.state().error);
  /** Text search (`q`) for the resources whose list takes one. */
  readonly search = signal('');

  constructor(
    private readonly api: ApiClient,
    readonly path: string,
    private readonly query: () => Query = () => ({}),
    readonly pageSize = PAGE_SIZE,
  ) {}

  async load(page = this.state().page): Promise<void> {
    this.state.update((state) => ({ ...state, loading: true, error: null }));
    try {
      const result = await firstValueFrom(
        this.api.get<PageDto<T>>(this.path, {
          ...this.query(),
          q: this.search().trim() || undefined,
          page,
          pageSize: this.pageSize,
        }),
      );
      // A page emptied by a delete: show the last one that has rows.
      if (result.items.length === 0 && page > 1 && result.total > 0) {
        return this.load(Math.ceil(result.total / this.pageSize));
      }
      this.state.set({ items: result.items, total: result.total, page, loading: false, error: null });
    } catch (error) {
      this.state.update((state) => ({ ...state, loading: false, error: error as ApiFailure }));
    }
  }

  get(id: string): Promise<WriteResult<T>> {
    return this.attempt(this.api.get<T>(`${this.path}/${id}`));
  }

  async create(body: Record<string, unknown>): Promise<WriteResult<T>> {
    const result = await this.attempt(this.api.post<T>(this.path, body));
    if (result.ok) await this.load();
    return result;
  }

  async update(id: string, body: Record<string, unknown>): Promise<WriteResult<T>> {
    const result = await this.attempt(this.api.patch<T>(`${this.path}/${id}`, body));
    if (result.ok) await this.load();
    return result;
  }

  async remove(id: string): Promise<WriteResult<void>> {
    const result = await this.attempt(this.api.delete(`${this.path}/${id}`));
    if (result.ok) await this.load();
    return result;
  }

  private async attempt<R>(request: Observable<R>): Promise<WriteResult<R>> {
    try {
      return { ok: true, value: (await firstValueFrom(request, { defaultValue: undefined as R })) as R };
    } catch (error) {
      return { ok: false, failure: error as ApiFailure };
    }
  }
}
