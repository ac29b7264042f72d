import { inject, Injectable } from '@angular/core';
import { DeliveryDto, NoticeDto, NoticeRunDto, NoticeScheduleDto } from '@worksite/shared-domain';
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';

/** Filters of GET /api/notices. */
export interface NoticeQuery {
  projectId?: string;
  crewId?: string;
  /** Local date the notice is for. */
  date?: string;
  runId?: string;
  /** Only the newest revision per crew and date. */
  latest?: boolean;
}

/** Filters of GET /api/deliveries. */
export interface DeliveryQuery {
  date?: string;
  crewId?: string;
  noticeId?: string;
  runId?: string;
}

/**
 * POST /api/notice-runs: whether this call started the run, and the run. When it did not,
 * nothing new was sent: the run already sent its notices, or is sending them.
 */
export interface SendNowResult {
  created: boolean;
  started: boolean;
  reason?: 'already_sent' | 'in_progress';
  run: NoticeRunDto;
}

/** POST /api/notices/:id/acknowledge (idempotent: `changed` is false the second time). */
export interface AcknowledgeResult {
  acknowledged: boolean;
  changed: boolean;
  notice: NoticeDto;
}

/** Typed calls of the nightly-notice endpoints: runs, notices, deliveries, send now, resend, acknowledge. */
@Injectable({ providedIn: 'root' })
export class NoticesApi {
  private readonly api = inject(ApiClient);

  /** The runs of a project for a local date (list items carry no live counts; see `run`). */
  /** When the nightly notices go out (local times, each project's zone). */
  schedule(): Promise<NoticeScheduleDto> {
    return firstValueFrom(this.api.get<NoticeScheduleDto>('notice-runs/schedule'));
  }

  runs(projectId: string, date: string): Promise<NoticeRunDto[]> {
    return firstValueFrom(this.api.getAll<NoticeRunDto>('notice-runs', { projectId, date }));
  }

  /** One run with its live summary (acknowledged, unacknowledged, amendments): polled while it runs. */
  run(runId: string): Promise<NoticeRunDto> {
    return firstValueFrom(this.api.get<NoticeRunDto>(`notice-runs/${runId}`));
  }

  /** Notices (without deliveries; see `deliveries`). */
  notices(query: NoticeQuery): Promise<NoticeDto[]> {
    return firstValueFrom(this.api.getAll<NoticeDto>('notices', { ...query }));
  }

  /** One notice with its content as sent and its deliveries. */
  notice(noticeId: string): Promise<NoticeDto> {
    return firstValueFrom(this.api.get<NoticeDto>(`notices/${noticeId}`));
  }

  deliveries(query: DeliveryQuery): Promise<DeliveryDto[]> {
    return firstValueFrom(this.api.getAll<DeliveryDto>('deliveries', { ...query }));
  }

  /** Sends a project's notices for a date now (today or tomorrow); an existing run is returned as is. */
  sendNow(projectId: string, date: string): Promise<SendNowResult> {
    return firstValueFrom(this.api.post<SendNowResult>('notice-runs', { projectId, date }));
  }

  /** Sends the crew's notice for its date again, as a new revision. */
  resend(noticeId: string): Promise<NoticeDto> {
    return firstValueFrom(this.api.post<NoticeDto>(`notices/${noticeId}/resend`, {}));
  }

  /** The signed-in crew lead confirms having read the notice (`tappedAt`: when, if sent later; else now). */
  acknowledge(noticeId: string, tappedAt?: string): Promise<AcknowledgeResult> {
    return firstValueFrom(
      this.api.post<AcknowledgeResult>(`notices/${noticeId}/acknowledge`, tappedAt ? { tappedAt } : {}),
    );
  }
}

/** Notices with their deliveries attached (the list endpoints return them apart). */
export function withDeliveries(notices: readonly NoticeDto[], deliveries: readonly DeliveryDto[]): NoticeDto[] {
  const byNotice = new Map<string, DeliveryDto[]>();
  for (const delivery of deliveries)
    byNotice.set(delivery.noticeId, [...(byNotice.get(delivery.noticeId) ?? []), delivery]);
  return notices.map((notice) => ({ ...notice, deliveries: byNotice.get(notice.id) ?? notice.deliveries ?? [] }));
}
