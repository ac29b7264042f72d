import { inject, Injectable } from '@angular/core';
import { BulkTaskRequest, BulkTaskResult, TaskDto, WorkStepDto } from '@worksite/shared-domain';
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';

/** What POST /api/tasks takes (times: a start and a duration in working minutes). */
export type CreateTaskRequest = Pick<TaskDto, 'projectId' | 'title' | 'plannedStart' | 'durationMinutes'> &
  Partial<
    Pick<
      TaskDto,
      | 'content'
      | 'departmentId'
      | 'crewId'
      | 'locationId'
      | 'materials'
      | 'tools'
      | 'safetyNotes'
      | 'schedulingMode'
      | 'needsUtilities'
    >
  >;

/** Creating, deleting and bulk-editing tasks, and the standard work steps they start from. */
@Injectable({ providedIn: 'root' })
export class TaskActionsApi {
  private readonly api = inject(ApiClient);

  workSteps(): Promise<WorkStepDto[]> {
    return firstValueFrom(this.api.getAll<WorkStepDto>('work-steps'));
  }

  createTask(task: CreateTaskRequest): Promise<TaskDto> {
    return firstValueFrom(this.api.post<TaskDto>('tasks', task));
  }

  /** 409 when the task has dependencies, unless `removeLinks`. */
  deleteTask(id: string, removeLinks = false): Promise<void> {
    return firstValueFrom(this.api.delete(`tasks/${id}`, { removeLinks: removeLinks || undefined }));
  }

  bulk(projectId: string, request: BulkTaskRequest): Promise<BulkTaskResult> {
    return firstValueFrom(this.api.post<BulkTaskResult>(`projects/${projectId}/tasks/bulk`, request));
  }
}
