export * from './lib/ics-check';
export * from './lib/smtp-sink';
export * from './lib/http-receiver';
export * from './lib/crew-fixture';
export * from './lib/worker-process';
export * from './lib/quiet-night-run';
