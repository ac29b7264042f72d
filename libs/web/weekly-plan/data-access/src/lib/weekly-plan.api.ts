import { inject, Injectable } from '@angular/core';
import { ApiClient, FileDownloads } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';
import {
  CrewDayReportsDto,
  CrewReportBatchResult,
  CrewReportRequest,
  CrewReportResult,
  PpcReportDto,
  WeeklyPlanDto,
} from '@worksite/shared-make-ready';

/** The weekly plan, crew tap and PPC routes (README "Weekly plans, crew taps, PPC"); errors arrive as ApiFailure. */
@Injectable({ providedIn: 'root' })
export class WeeklyPlanApi {
  private readonly api = inject(ApiClient);
  private readonly files = inject(FileDownloads);

  plan(projectId: string, weekStart: string): Promise<WeeklyPlanDto> {
    return firstValueFrom(this.api.get<WeeklyPlanDto>(`projects/${projectId}/weekly-plans/${weekStart}`));
  }

  commit(projectId: string, weekStart: string, taskIds: string[]): Promise<WeeklyPlanDto> {
    return firstValueFrom(
      this.api.post<WeeklyPlanDto>(`projects/${projectId}/weekly-plans/${weekStart}/commitments`, { taskIds }),
    );
  }

  uncommit(projectId: string, weekStart: string, taskId: string): Promise<WeeklyPlanDto> {
    return firstValueFrom(
      this.api.delete<WeeklyPlanDto>(`projects/${projectId}/weekly-plans/${weekStart}/commitments/${taskId}`),
    );
  }

  report(report: CrewReportRequest): Promise<CrewReportResult> {
    return firstValueFrom(this.api.post<CrewReportResult>('crew/reports', report));
  }

  reports(reports: CrewReportRequest[]): Promise<CrewReportBatchResult> {
    return firstValueFrom(this.api.post<CrewReportBatchResult>('crew/reports/batch', { reports }));
  }

  /** The taps the server recorded on the crew's tasks on a local day, oldest first. */
  dayReports(crewId: string, date: string): Promise<CrewDayReportsDto> {
    return firstValueFrom(this.api.get<CrewDayReportsDto>('crew/reports', { crewId, date }));
  }

  ppc(projectId: string, range: { from?: string; to?: string } = {}): Promise<PpcReportDto> {
    return firstValueFrom(this.api.get<PpcReportDto>(`projects/${projectId}/ppc`, range));
  }

  /** Saves the PPC workbook through the browser's download; resolves to the file name. */
  downloadPpc(projectId: string, range: { from?: string; to?: string } = {}): Promise<string> {
    const query = new URLSearchParams(Object.entries(range).filter(([, v]) => !!v) as [string, string][]).toString();
    return this.files.save(`projects/${projectId}/ppc.xlsx${query ? `?${query}` : ''}`, { fallbackName: 'ppc.xlsx' });
  }
}
