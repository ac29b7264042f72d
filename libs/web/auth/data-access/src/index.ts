export * from './lib/session.types';
export * from './lib/session.store';
export * from './lib/landing';
export * from './lib/auth.guards';
export * from './lib/auth.interceptor';
export * from './lib/relogin';
