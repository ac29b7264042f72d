import {
  ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideServiceWorker } from '@angular/service-worker';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { authInterceptor, SessionStore } from '@worksite/web-auth-data-access';
import { provideWebCore } from '@worksite/web-core-data-access';
import { appRoutes } from './app.routes';
import { swBypassInterceptor } from './sw-bypass.interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideWebCore({ interceptors: [authInterceptor, swBypassInterceptor] }),
    // Resume the session from the refresh cookie while the first route's code loads (not blocking).
    provideAppInitializer(() => void inject(SessionStore).restore()),
    // The crew lead's page installs as an app and opens without network (ngsw-config.json).
    provideServiceWorker('ngsw-worker.js', {
      enabled: !isDevMode(),
      registrationStrategy: 'registerWhenStable:30000',
    }),
  ],
};
