import { inject, Injectable, signal } from '@angular/core';
import { ProjectDto } from '@worksite/shared-domain';
import { PlanningApi, ReferenceData, ReferenceMaps } from '@worksite/web-planning-data-access';

/** The project a page is about and the names of its crews and departments, loaded once per project. */
@Injectable()
export class ProjectContext {
  private readonly planning = inject(PlanningApi);
  private readonly referenceData = inject(ReferenceData);

  readonly project = signal<ProjectDto | null>(null);
  readonly refs = signal<ReferenceMaps | null>(null);

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
