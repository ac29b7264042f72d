export * from './lib/weekly-plan.module';
export * from './lib/ppc.service';
export * from './lib/plan-freeze';
