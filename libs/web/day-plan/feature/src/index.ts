export * from './lib/day-plan.routes';
export { DayPlanPage } from './lib/day-plan-page.component';
