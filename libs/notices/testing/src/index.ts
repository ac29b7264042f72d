export * from './lib/ics-check';
