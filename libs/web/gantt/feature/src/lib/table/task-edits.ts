import { inject, Injectable } from '@angular/core';
import { PredecessorInput, ReplacePredecessorsResult, TaskDto } from '@worksite/shared-domain';
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

/** The table's writes that the planning api client does not offer. */
@Injectable({ providedIn: 'root' })
export class TaskEdits {
  private readonly api = inject(ApiClient);

  createTask(task: NewTask): Promise<TaskDto> {
    return firstValueFrom(this.api.post<TaskDto>('tasks', task));
  }

  /** Replaces the task's predecessors with the list, in one write (PUT /api/tasks/:id/predecessors). */
  replacePredecessors(taskId: string, predecessors: PredecessorInput[]): Promise<ReplacePredecessorsResult> {
    return firstValueFrom(this.api.put<ReplacePredecessorsResult>(`tasks/${taskId}/predecessors`, { predecessors }));
  }
}
