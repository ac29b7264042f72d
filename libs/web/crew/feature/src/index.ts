export * from './lib/crew.routes';
export { CrewPage } from './lib/crew-page.component';
