import { hostname } from 'node:os';

/** Which process this is: shown in /api/health, on every log line and in the metrics. */
export interface InstanceInfo {
  /** INSTANCE_ID, else host name and process id (unique per process on one installation). */
  id: string;
  service: 'api' | 'worker';
  startedAt: string;
}

let current: InstanceInfo | null = null;

/** This process's identity, fixed at its first call. */
export function instanceInfo(service: InstanceInfo['service'], configuredId = ''): InstanceInfo {
  current ??= {
    id: configuredId || `${hostname()}:${process.pid}`,
    service,
    startedAt: new Date().toISOString(),
  };
  return current;
}
