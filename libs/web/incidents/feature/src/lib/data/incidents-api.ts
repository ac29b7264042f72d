import { inject, Injectable } from '@angular/core';
import {
  CloseIncidentRequest,
  CreateIncidentRequest,
  IncidentDetailDto,
  IncidentDto,
  IncidentStatus,
  OnCallRosterDto,
  OnCallRosterRequest,
  PageDto,
  PlaybookDto,
  PlaybookRequest,
  SetIncidentDepartmentStatusRequest,
  TaskDto,
} from '@worksite/shared-domain';
import { ApiClient, FileDownloads } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';

/** The incident routes of the API (docs/incidents-api.md); errors arrive as ApiFailure. */
@Injectable({ providedIn: 'root' })
export class IncidentsApi {
  private readonly api = inject(ApiClient);
  private readonly files = inject(FileDownloads);

  /** Incidents, newest first (all, or only the open or the closed ones). */
  list(query: { status?: IncidentStatus; page?: number; pageSize?: number } = {}): Promise<PageDto<IncidentDto>> {
    return firstValueFrom(this.api.get<PageDto<IncidentDto>>('incidents', { ...query }));
  }

  get(id: string): Promise<IncidentDetailDto> {
    return firstValueFrom(this.api.get<IncidentDetailDto>(`incidents/${id}`));
  }

  open(request: CreateIncidentRequest): Promise<IncidentDetailDto> {
    return firstValueFrom(this.api.post<IncidentDetailDto>('incidents', request));
  }

  setDepartmentStatus(
    id: string,
    departmentId: string,
    request: SetIncidentDepartmentStatusRequest,
  ): Promise<IncidentDetailDto> {
    return firstValueFrom(
      this.api.post<IncidentDetailDto>(`incidents/${id}/departments/${departmentId}/status`, request),
    );
  }

  /** A task of the incident as the tasks API has it (with the version a PATCH needs). */
  task(id: string): Promise<TaskDto> {
    return firstValueFrom(this.api.get<TaskDto>(`tasks/${id}`));
  }

  close(id: string, request: CloseIncidentRequest = {}): Promise<IncidentDetailDto> {
    return firstValueFrom(this.api.post<IncidentDetailDto>(`incidents/${id}/close`, request));
  }

  /** The stream of the board's state (server-sent events, read with the session's token). */
  streamUrl(id: string): string {
    return `/api/incidents/${id}/stream`;
  }

  /** Saves the post-incident report (PDF) through the browser's download. */
  downloadReport(incident: IncidentDto): Promise<string> {
    return this.files.save(`incidents/${incident.id}/report.pdf`, { fallbackName: `${incident.code}.pdf` });
  }

  playbooks(): Promise<PlaybookDto[]> {
    return firstValueFrom(this.api.getAll<PlaybookDto>('playbooks'));
  }

  createPlaybook(request: PlaybookRequest): Promise<PlaybookDto> {
    return firstValueFrom(this.api.post<PlaybookDto>('playbooks', request));
  }

  updatePlaybook(id: string, version: number, request: Partial<PlaybookRequest>): Promise<PlaybookDto> {
    return firstValueFrom(this.api.patch<PlaybookDto>(`playbooks/${id}`, { ...request, version }));
  }

  /** Every department's roster (an empty one where none is kept). */
  rosters(): Promise<OnCallRosterDto[]> {
    return firstValueFrom(this.api.get<OnCallRosterDto[]>('on-call'));
  }

  roster(departmentId: string): Promise<OnCallRosterDto> {
    return firstValueFrom(this.api.get<OnCallRosterDto>(`on-call/${departmentId}`));
  }

  saveRoster(departmentId: string, request: OnCallRosterRequest): Promise<OnCallRosterDto> {
    return firstValueFrom(this.api.put<OnCallRosterDto>(`on-call/${departmentId}`, request));
  }
}
