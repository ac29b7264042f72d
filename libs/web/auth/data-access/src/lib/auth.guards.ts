import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AppArea, landingPath, mayEnter } from './landing';
import { SessionStore } from './session.store';

/** Lets signed-in users through (after resuming the session on page load), else to the login page. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  if (await session.restore()) return true;
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Only the roles of an area; others go to their own landing page. */
export function areaGuard(area: AppArea): CanActivateFn {
  return async () => {
    const session = inject(SessionStore);
    const router = inject(Router);
    await session.restore();
    return mayEnter(session.user(), area) || router.parseUrl(landingPath(session.user()));
  };
}

/** The login page is for anonymous users; a signed-in user goes to their landing page. */
export const anonymousGuard: CanActivateFn = async () => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return (await session.restore()) ? router.parseUrl(landingPath(session.user())) : true;
};

/** `/`: each role's own start page. */
export const landingGuard: CanActivateFn = async () => {
  const session = inject(SessionStore);
  const router = inject(Router);
  await session.restore();
  return router.parseUrl(landingPath(session.user()));
};
