import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { Role } from '@worksite/shared-domain';
import { areaGuard, authGuard } from './auth.guards';
import { landingPath, mayEnter } from './landing';
import { tokensFor, userOf } from '../testing/session-users';

describe('landing by role', () => {
  it('sends every role to its own view', () => {
    expect(landingPath(userOf(Role.Coordinator))).toBe('/projects/p-1/gantt');
    expect(landingPath(userOf(Role.Coordinator, { projectIds: ['a', 'b'] }))).toBe('/projects');
    expect(landingPath(userOf(Role.Agency))).toBe('/agency');
    expect(landingPath(userOf(Role.Contractor))).toBe('/crew');
    expect(landingPath(userOf(Role.Admin))).toBe('/projects');
    expect(landingPath(userOf(Role.Viewer))).toBe('/projects');
    expect(landingPath(null)).toBe('/login');
  });

  it('lets each role into its areas only', () => {
    expect(mayEnter(userOf(Role.Contractor), 'crew')).toBe(true);
    expect(mayEnter(userOf(Role.Contractor), 'plan')).toBe(false);
    expect(mayEnter(userOf(Role.Agency), 'agency')).toBe(true);
    expect(mayEnter(userOf(Role.Agency), 'crew')).toBe(false);
    expect(mayEnter(userOf(Role.Viewer), 'plan')).toBe(true);
  });
});

describe('guards', () => {
  const run = (guard: typeof authGuard, url = '/projects') =>
    TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot)) as Promise<
      boolean | UrlTree
    >;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  });

  it('sends an anonymous visitor to the login page with the wanted URL', async () => {
    const result = run(authGuard, '/crew');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/refresh')
      .flush({}, { status: 401, statusText: 'Unauthorized' });
    const tree = (await result) as UrlTree;
    expect(TestBed.inject(Router).serializeUrl(tree)).toBe('/login?returnUrl=%2Fcrew');
  });

  it('sends a contractor who opens the planning area to the crew view', async () => {
    const result = run(areaGuard('plan'));
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/refresh')
      .flush(tokensFor(userOf(Role.Contractor)));
    expect(TestBed.inject(Router).serializeUrl((await result) as UrlTree)).toBe('/crew');
  });

  it('lets a coordinator plan', async () => {
    const result = run(areaGuard('plan'));
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/refresh')
      .flush(tokensFor(userOf(Role.Coordinator)));
    expect(await result).toBe(true);
  });
});
