export * from './lib/incidents-api.module';
export * from './lib/incidents/incident.dto';
export * from './lib/incidents/incidents.service';
export * from './lib/incidents/incident-opener.service';
export * from './lib/incidents/round-the-clock-calendar';
export * from './lib/playbooks/playbook.dto';
export * from './lib/on-call/on-call.dto';
