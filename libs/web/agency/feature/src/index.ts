export * from './lib/agency.routes';
export { AgencyPage } from './lib/agency-page.component';
