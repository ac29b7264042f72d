import { computed, inject, Injectable, signal } from '@angular/core';
import { ProjectDto } from '@worksite/shared-domain';
import { mayEnter, SessionStore } from '@worksite/web-auth-data-access';
import { PlanningApi, ReferenceData, ReferenceMaps } from '@worksite/web-planning-data-access';

/** The project a page is about and the names of its crews and departments, loaded once per project. */
@Injectable()
export class ProjectContext {
  private readonly planning = inject(PlanningApi);
  private readonly referenceData = inject(ReferenceData);
  private readonly session = inject(SessionStore);

  readonly project = signal<ProjectDto | null>(null);
  readonly refs = signal<ReferenceMaps | null>(null);
  /** Whether the user may open the planners' views (a crew lead sees the weekly plan only). */
  readonly planner = computed(() => mayEnter(this.session.user(), 'plan'));

  /** Loads the project (and the names) unless it is the one already loaded. */
  async ensure(projectId: string): Promise<void> {
    if (this.project()?.id === projectId) return;
    const [project, refs] = await Promise.all([this.planning.project(projectId), this.referenceData.load()]);
    this.project.set(project);
    this.refs.set(refs);
  }

  zone(): string {
    return this.project()?.timeZone ?? 'Asia/Shanghai';
  }

  crewName(id: string | null): string {
    return (id && this.refs()?.crews.get(id)?.name) || '—';
  }

  departmentName(id: string): string {
    return this.refs()?.departments.get(id)?.name ?? id;
  }
}
