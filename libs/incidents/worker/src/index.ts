export * from './lib/incidents-worker.module';
export * from './lib/incidents.processor';
export * from './lib/incident-watchdog.service';
