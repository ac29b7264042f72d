import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { Role } from '@worksite/shared-domain';
import { SessionStore } from '../lib/session.store';
import { SessionUser } from '../lib/session.types';

/**
 * A page spec's test bed (router, HTTP testing, translations showing their keys), signed in as
 * `role` through the real session store (its login request answered here).
 */
export async function signedInTestBed(
  component: unknown,
  role: Role | `${Role}`,
  user: Partial<Pick<SessionUser, 'id' | 'departmentId' | 'crewIds' | 'projectIds'>> = {},
): Promise<HttpTestingController> {
  TestBed.configureTestingModule({
    imports: [component as never],
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
    accessToken: 'token-1',
    user: {
      id: user.id ?? 'u',
      username: 'u',
      displayName: 'U',
      role,
      language: 'zh-CN',
      departmentId: user.departmentId ?? null,
      crewIds: user.crewIds ?? [],
      projectIds: user.projectIds ?? [],
    },
  });
  await login;
  return http;
}
