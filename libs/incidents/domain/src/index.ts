export * from './lib/playbook-rules';
export * from './lib/department-status';
export * from './lib/incident-labels';
export * from './lib/callout-text';
