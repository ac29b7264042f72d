import { inject, Injectable } from '@angular/core';
import { ConstraintOwnerCandidate, MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';
import {
  AgencyBlocksDto,
  ConstraintChanges,
  LookAheadDto,
  LookAheadQuery,
  NewConstraintRequest,
  ReadinessDto,
} from './make-ready.types';

/** Typed calls of the make-ready endpoints (constraints, readiness, look-ahead, agency blocks). */
@Injectable({ providedIn: 'root' })
export class MakeReadyApi {
  private readonly api = inject(ApiClient);

  constraints(taskId: string): Promise<MakeReadyConstraintDto[]> {
    return firstValueFrom(this.api.get<MakeReadyConstraintDto[]>(`tasks/${taskId}/constraints`));
  }

  add(taskId: string, request: NewConstraintRequest): Promise<MakeReadyConstraintDto> {
    return firstValueFrom(this.api.post<MakeReadyConstraintDto>(`tasks/${taskId}/constraints`, request));
  }

  update(id: string, changes: ConstraintChanges): Promise<MakeReadyConstraintDto> {
    return firstValueFrom(this.api.patch<MakeReadyConstraintDto>(`constraints/${id}`, changes));
  }

  /** Clears (or reopens) with the version read; a stale version is a 409. */
  move(c: Pick<MakeReadyConstraintDto, 'id' | 'version'>, to: 'clear' | 'reopen'): Promise<MakeReadyConstraintDto> {
    return firstValueFrom(this.api.post<MakeReadyConstraintDto>(`constraints/${c.id}/${to}`, { version: c.version }));
  }

  remove(c: Pick<MakeReadyConstraintDto, 'id' | 'version'>): Promise<void> {
    return firstValueFrom(this.api.delete(`constraints/${c.id}`, { version: c.version }));
  }

  /** With `open`, each task that is not ready lists its open constraints (one request for all of them). */
  readiness(projectId: string, from?: string, to?: string, open = false): Promise<ReadinessDto> {
    const constraints = open ? 'open' : undefined;
    return firstValueFrom(this.api.get<ReadinessDto>(`projects/${projectId}/readiness`, { from, to, constraints }));
  }

  lookAhead(projectId: string, query: LookAheadQuery): Promise<LookAheadDto> {
    return firstValueFrom(this.api.get<LookAheadDto>(`projects/${projectId}/look-ahead`, { ...query }));
  }

  /** Whom a planner of the project may name as owner: its coordinators, crew leads and agency users. */
  ownerCandidates(projectId: string): Promise<ConstraintOwnerCandidate[]> {
    return firstValueFrom(this.api.get<ConstraintOwnerCandidate[]>(`projects/${projectId}/constraint-owners`));
  }

  agencyBlocks(weeks: number, departmentId?: string | null): Promise<AgencyBlocksDto> {
    return firstValueFrom(this.api.get<AgencyBlocksDto>('agency/blocks', { weeks, departmentId }));
  }
}
