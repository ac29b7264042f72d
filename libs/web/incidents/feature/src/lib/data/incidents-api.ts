import { inject, Injectable } from '@angular/core';
import {
  CloseIncidentRequest,
  CreateIncidentRequest,
  IncidentDetailDto,
  IncidentDto,
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

  /** Open and closed incidents, newest first. */
  list(page = 1, pageSize = 50): Promise<PageDto<IncidentDto>> {
    return firstValueFrom(this.api.get<PageDto<IncidentDto>>('incidents', { page, pageSize }));
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
    return firstValueFrom(this.api.post<IncidentDetailDto>(`incidents/${id}/departments/${departmentId}/status`, request));
  }

  /** A task of the incident as the tasks API has it (with the version a PATCH needs). */
  task(id: string): Promise<TaskDto> {
    return firstValueFrom(this.api.get<TaskDto>(`tasks/${id}`));
  }

  close(id: string, request: CloseIncidentRequest = {}): Promise<IncidentDetailDto> {
    return firstValueFrom(this.api.post<IncidentDetailDto>(`incidents/${id}/close`, request));
  }

  /** The stream of the board's changes (server-sent events). */
  streamUrl(id: string): Promise<string> {
    return Promise.resolve(`/api/incidents/${id}/events`);
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

  roster(departmentId: string): Promise<OnCallRosterDto> {
    return firstValueFrom(this.api.get<OnCallRosterDto>(`on-call/${departmentId}`));
  }

  saveRoster(departmentId: string, request: OnCallRosterRequest): Promise<OnCallRosterDto> {
    return firstValueFrom(this.api.put<OnCallRosterDto>(`on-call/${departmentId}`, request));
  }
}
