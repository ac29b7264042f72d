import { inject, Injectable } from '@angular/core';
import {
  PredecessorInput,
  ReplacePredecessorsRequest,
  ReplacePredecessorsResult,
  TaskDto,
} from '@worksite/shared-domain';
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

  /**
   * Replaces the task's predecessors with the list, in one write (PUT /api/tasks/:id/predecessors),
   * only if its incoming links are still the `seen` ones (else 409: someone changed them meanwhile).
   */
  replacePredecessors(
    taskId: string,
    predecessors: PredecessorInput[],
    seen: ReplacePredecessorsRequest['seen'],
  ): Promise<ReplacePredecessorsResult> {
    const body: ReplacePredecessorsRequest = { predecessors, seen };
    return firstValueFrom(this.api.put<ReplacePredecessorsResult>(`tasks/${taskId}/predecessors`, body));
  }
}
