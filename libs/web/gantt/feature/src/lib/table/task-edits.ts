import { inject, Injectable } from '@angular/core';
import { DependencyDto, TaskDto } from '@worksite/shared-domain';

type LinkType = DependencyDto['type'];
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';

/** POST /api/tasks: what the table (and bulk tools, templates) send to create a task. */
export interface NewTask {
  projectId: string;
  title: string;
  departmentId?: string;
  crewId?: string | null;
  locationId?: string | null;
  plannedStart: string;
  durationMinutes?: number;
  plannedFinish?: string;
  content?: string;
  materials?: TaskDto['materials'];
  tools?: string[];
  safetyNotes?: string;
  status?: string;
}

/** The task and dependency writes of the table that the planning api client does not offer. */
@Injectable({ providedIn: 'root' })
export class TaskEdits {
  private readonly api = inject(ApiClient);

  createTask(task: NewTask): Promise<TaskDto> {
    return firstValueFrom(this.api.post<TaskDto>('tasks', task));
  }

  createDependency(link: {
    predecessorId: string;
    successorId: string;
    type: LinkType;
    lagMinutes: number;
  }): Promise<DependencyDto> {
    return firstValueFrom(this.api.post<DependencyDto>('dependencies', link));
  }

  updateDependency(id: string, changes: { type: LinkType; lagMinutes: number; version: number }) {
    return firstValueFrom(this.api.patch<DependencyDto>(`dependencies/${id}`, changes));
  }

  deleteDependency(id: string): Promise<void> {
    return firstValueFrom(this.api.delete(`dependencies/${id}`));
  }
}
