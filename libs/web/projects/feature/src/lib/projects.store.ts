import { computed, inject, Injectable, signal } from '@angular/core';
import { ApiClient, ApiFailure } from '@worksite/web-core-data-access';
import { PageDto, ProjectDto } from '@worksite/shared-domain';

/** The projects list: loaded from the API, with loading and error state. */
@Injectable()
export class ProjectsStore {
  private readonly api = inject(ApiClient);
  private readonly state = signal<{ projects: ProjectDto[]; loading: boolean; error: ApiFailure | null }>({
    projects: [],
    loading: false,
    error: null,
  });

  readonly projects = computed(() => this.state().projects);
  readonly loading = computed(() => this.state().loading);
  readonly error = computed(() => this.state().error);

  load(): void {
    this.state.update((state) => ({ ...state, loading: true, error: null }));
    this.api.get<PageDto<ProjectDto>>('projects', { pageSize: 200 }).subscribe({
      next: (page) => this.state.set({ projects: page.items, loading: false, error: null }),
      error: (error: ApiFailure) => this.state.update((state) => ({ ...state, loading: false, error })),
    });
  }
}
