import { inject, Injectable } from '@angular/core';
import {
  BaselineComparisonDto,
  BaselineDetailDto,
  BaselineDto,
  ConflictAssigneesDto,
  ConflictDecisionDto,
  ConflictDecisionRequest,
} from '@worksite/shared-domain';
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';

/** An edit of a task as the audit trail has it (what a resolution can point at). */
export interface TaskEdit {
  id: string;
  at: string;
  actorName: string;
  entity: string;
  entityId: string;
  /** The user action (change set) the edit belongs to; null for old or system edits. */
  changeSetId?: string | null;
  changes: Record<string, unknown>;
}

/** Typed calls of the conflict decision and baseline endpoints. Errors arrive as ApiFailure. */
@Injectable({ providedIn: 'root' })
export class TriageApi {
  private readonly api = inject(ApiClient);

  decide(projectId: string, request: ConflictDecisionRequest): Promise<ConflictDecisionDto> {
    return firstValueFrom(this.api.post<ConflictDecisionDto>(`projects/${projectId}/conflict-decisions`, request));
  }

  async history(projectId: string, key: string): Promise<ConflictDecisionDto[]> {
    const page = await firstValueFrom(
      this.api.get<{ items: ConflictDecisionDto[] }>(`projects/${projectId}/conflict-decisions`, { key }),
    );
    return page.items;
  }

  assignees(projectId: string): Promise<ConflictAssigneesDto> {
    return firstValueFrom(this.api.get<ConflictAssigneesDto>(`projects/${projectId}/conflict-decisions/assignees`));
  }

  /** The latest edits of a task (newest first), from the audit trail of its project. */
  async edits(projectId: string, taskId: string, count = 5): Promise<TaskEdit[]> {
    const page = await firstValueFrom(
      this.api.get<{ items: TaskEdit[] }>('audit', { projectId, entity: 'task', entityId: taskId, pageSize: count }),
    );
    return page.items;
  }

  async baselines(projectId: string): Promise<BaselineDto[]> {
    return (await firstValueFrom(this.api.get<{ items: BaselineDto[] }>(`projects/${projectId}/baselines`))).items;
  }

  baseline(projectId: string, baselineId: string): Promise<BaselineDetailDto> {
    return firstValueFrom(this.api.get<BaselineDetailDto>(`projects/${projectId}/baselines/${baselineId}`));
  }

  saveBaseline(projectId: string, name: string): Promise<BaselineDto> {
    return firstValueFrom(this.api.post<BaselineDto>(`projects/${projectId}/baselines`, { name }));
  }

  deleteBaseline(projectId: string, baselineId: string): Promise<void> {
    return firstValueFrom(this.api.delete(`projects/${projectId}/baselines/${baselineId}`), {
      defaultValue: undefined,
    });
  }

  /** Tasks whose dates differ from another baseline, or from the current plan (`with` = 'current'). */
  compare(projectId: string, baselineId: string, other = 'current'): Promise<BaselineComparisonDto> {
    return firstValueFrom(
      this.api.get<BaselineComparisonDto>(`projects/${projectId}/baselines/${baselineId}/compare`, { with: other }),
    );
  }
}
