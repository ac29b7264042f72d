import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { SessionStore } from '@worksite/web-auth-data-access';
import { scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { CrewPage } from './crew-page.component';

export const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
export const tick = () => new Promise((resolve) => setTimeout(resolve));

/**
 * Signs a crew lead in (user `lead.id`, leading `lead.crewIds`), opens the crew page and answers
 * its reference-data requests; the test answers the tasks and notices requests itself.
 */
export async function openCrewPage(
  lead: { id: string; crewIds: string[] },
  crews: { id: string; name: string; leaderName?: string }[] = [],
): Promise<{ fixture: ComponentFixture<CrewPage>; http: HttpTestingController }> {
  TestBed.configureTestingModule({
    imports: [CrewPage],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideTranslateService({ lang: 'zh-CN' }),
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const login = TestBed.inject(SessionStore).login('u', 'p');
  http.expectOne('/api/auth/login').flush({
    accessToken: 't',
    user: {
      id: lead.id,
      username: 'u',
      displayName: 'U',
      role: 'contractor',
      language: 'zh-CN',
      departmentId: null,
      crewIds: lead.crewIds,
      projectIds: [],
    },
  });
  await login;
  const fixture = TestBed.createComponent(CrewPage);
  fixture.detectChanges();
  http.expectOne((r) => r.url === '/api/projects').flush(page([scheduleFixture().project]));
  http.expectOne((r) => r.url === '/api/departments').flush(page([]));
  http.expectOne((r) => r.url === '/api/crews').flush(page(crews));
  http.expectOne((r) => r.url === '/api/locations').flush(page([]));
  await tick();
  return { fixture, http };
}
