import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CalendarFeedDto, CalendarFeedEndpoints, CalendarFeedStatusDto } from '@worksite/shared-domain';
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';

/** Calendar feeds and spreadsheet downloads. Errors arrive as ApiFailure (feeds) or HttpErrorResponse (downloads). */
@Injectable({ providedIn: 'root' })
export class ExchangeApi {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);

  /** The feed of a crew: its lead, its projects' coordinators and admins manage it. */
  crewFeed(crewId: string): CalendarFeedEndpoints {
    return this.feed(`crews/${crewId}/feed`);
  }

  /** The signed-in agency user's own feed. */
  myFeed(): CalendarFeedEndpoints {
    return this.feed('feeds/mine');
  }

  private feed(path: string): CalendarFeedEndpoints {
    return {
      status: () => firstValueFrom(this.api.get<CalendarFeedStatusDto>(path)),
      create: () => firstValueFrom(this.api.post<CalendarFeedDto>(path, {})),
      revoke: () => firstValueFrom(this.api.delete(path)),
    };
  }

  /** Fetches a file of the api (with the session's token) and saves it under `filename`. */
  async download(path: string, filename: string): Promise<void> {
    const blob = await firstValueFrom(this.http.get(`/api/${path}`, { responseType: 'blob' }));
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
