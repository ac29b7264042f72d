import { inject, Injectable } from '@angular/core';
import { NoticeDto, NoticeRunDto } from '@worksite/shared-domain';
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';

/** Filters of the notice list. */
export interface NoticeQuery {
  projectId?: string;
  crewId?: string;
  /** Local date the notice is for. */
  date?: string;
  from?: string;
  to?: string;
}

/** Typed calls of the nightly-notice endpoints (runs, notices, deliveries, send-now, resend, acknowledge). */
@Injectable({ providedIn: 'root' })
export class NoticesApi {
  private readonly api = inject(ApiClient);

  /** The runs of a project for a local date, newest first. */
  runs(projectId: string, date: string): Promise<NoticeRunDto[]> {
    return firstValueFrom(this.api.getAll<NoticeRunDto>('notice-runs', { projectId, runDate: date }));
  }

  run(runId: string): Promise<NoticeRunDto> {
    return firstValueFrom(this.api.get<NoticeRunDto>(`notice-runs/${runId}`));
  }

  /** Notices with their deliveries. */
  notices(query: NoticeQuery): Promise<NoticeDto[]> {
    return firstValueFrom(this.api.getAll<NoticeDto>('notices', { ...query }));
  }

  /** Starts a run now for a project's date: every crew with work, or only the given crews. */
  sendNow(projectId: string, date: string, crewIds?: string[]): Promise<NoticeRunDto> {
    return firstValueFrom(this.api.post<NoticeRunDto>('notice-runs', { projectId, runDate: date, crewIds }));
  }

  /** Sends the crew's current notice again (a new revision). */
  resend(noticeId: string): Promise<NoticeDto> {
    return firstValueFrom(this.api.post<NoticeDto>(`notices/${noticeId}/resend`, {}));
  }

  /** The signed-in crew lead confirms having read the notice. */
  acknowledge(noticeId: string): Promise<NoticeDto> {
    return firstValueFrom(this.api.post<NoticeDto>(`notices/${noticeId}/acknowledge`, {}));
  }
}
