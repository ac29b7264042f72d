export * from './lib/auth.routes';
export { LoginPage } from './lib/login-page';
