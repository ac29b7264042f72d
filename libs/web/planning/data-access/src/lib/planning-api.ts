import { inject, Injectable } from '@angular/core';
import {
  ConflictDto,
  CreateDependencyRequest,
  DependencyDto,
  ProjectDto,
  ProjectScheduleDto,
  RecomputeResultDto,
  TaskChainDto,
  TaskDto,
} from '@worksite/shared-domain';
import { COMPACT_SCHEDULE_MEDIA_TYPE, CompactSchedule, decodeSchedule } from '@worksite/schedule-wire';
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom, Observable } from 'rxjs';

/** Filters of GET /api/tasks (local dates in the project's zone). */
export interface TaskQuery {
  projectId?: string;
  departmentId?: string;
  crewId?: string;
  locationId?: string;
  status?: string;
  from?: string;
  to?: string;
}

/** Typed calls of the planning and scheduling endpoints. Errors arrive as ApiFailure. */
@Injectable({ providedIn: 'root' })
export class PlanningApi {
  private readonly api = inject(ApiClient);

  projects(): Promise<ProjectDto[]> {
    return firstValueFrom(this.api.getAll<ProjectDto>('projects'));
  }

  project(id: string): Promise<ProjectDto> {
    return firstValueFrom(this.api.get<ProjectDto>(`projects/${id}`));
  }

  /**
   * Everything the Gantt needs, limited to what the user may see: asked for in the compact
   * form (a tenth of the JSON, compressed by the browser's Accept-Encoding) and decoded here;
   * an answer in the full form is taken as it is.
   */
  async schedule(projectId: string): Promise<ProjectScheduleDto> {
    const body = await firstValueFrom(
      this.api.get<CompactSchedule | ProjectScheduleDto>(
        `projects/${projectId}/schedule`,
        {},
        {
          accept: `${COMPACT_SCHEDULE_MEDIA_TYPE}, application/json;q=0.5`,
        },
      ),
    );
    return 'format' in body ? decodeSchedule(body) : body;
  }

  /** Clashes in a range of local days (the API allows at most 92). */
  async conflicts(projectId: string, from: string, to: string): Promise<ConflictDto[]> {
    const page = await firstValueFrom(
      this.api.get<{ items: ConflictDto[] }>(`projects/${projectId}/conflicts`, { from, to }),
    );
    return page.items;
  }

  /** What a recompute would move (`apply: false`), or does move. */
  recompute(projectId: string, apply = false): Promise<RecomputeResultDto> {
    return firstValueFrom(this.api.post<RecomputeResultDto>(`projects/${projectId}/recompute`, { apply }));
  }

  chain(taskId: string): Promise<TaskChainDto> {
    return firstValueFrom(this.api.get<TaskChainDto>(`tasks/${taskId}/chain`));
  }

  tasks(query: TaskQuery): Promise<TaskDto[]> {
    return firstValueFrom(this.api.getAll<TaskDto>('tasks', { ...query }));
  }

  /** PATCH with the version the client read: a stale one is a 409 and nothing is written. */
  updateTask(id: string, changes: Partial<TaskDto> & { version: number }): Promise<TaskDto> {
    return firstValueFrom(this.api.patch<TaskDto>(`tasks/${id}`, changes));
  }

  createDependency(dependency: CreateDependencyRequest): Promise<DependencyDto> {
    return firstValueFrom(this.api.post<DependencyDto>('dependencies', dependency));
  }

  /** Type and lag of a link, with the version read (stale → 409; a cycle → 422). */
  updateDependency(
    id: string,
    changes: Partial<Pick<DependencyDto, 'type' | 'lagMinutes'>> & { version: number },
  ): Promise<DependencyDto> {
    return firstValueFrom(this.api.patch<DependencyDto>(`dependencies/${id}`, changes));
  }

  deleteDependency(id: string): Observable<void> {
    return this.api.delete(`dependencies/${id}`);
  }
}
