import { inject, Injectable } from '@angular/core';
import { AnnouncementDto } from '@worksite/shared-announcements';
import { ProjectDto } from '@worksite/shared-domain';
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';

/** Typed calls of the announcement endpoints. */
@Injectable({ providedIn: 'root' })
export class AnnouncementsApi {
  private readonly api = inject(ApiClient);

  project(projectId: string): Promise<ProjectDto> {
    return firstValueFrom(this.api.get<ProjectDto>(`projects/${projectId}`));
  }

  async list(projectId: string): Promise<AnnouncementDto[]> {
    return (await firstValueFrom(this.api.get<{ items: AnnouncementDto[] }>(`projects/${projectId}/announcements`)))
      .items;
  }

  edit(id: string, version: number, text: string): Promise<AnnouncementDto> {
    return firstValueFrom(this.api.patch<AnnouncementDto>(`announcements/${id}`, { version, text }));
  }

  step(id: string, step: 'approve' | 'post' | 'follow-up', version: number): Promise<AnnouncementDto> {
    return firstValueFrom(this.api.post<AnnouncementDto>(`announcements/${id}/${step}`, { version }));
  }
}
