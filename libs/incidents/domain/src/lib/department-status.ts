import { INCIDENT_DEPARTMENT_STATUS_ORDER, IncidentDepartmentStatus, IncidentEventKind } from '@worksite/shared-domain';

/** Whether a department may move from `from` to `to`: forward only (a later status skips the ones between). */
export function mayAdvance(from: IncidentDepartmentStatus, to: IncidentDepartmentStatus): boolean {
  return INCIDENT_DEPARTMENT_STATUS_ORDER.indexOf(to) > INCIDENT_DEPARTMENT_STATUS_ORDER.indexOf(from);
}

/** The column stamped and the timeline event recorded when a department reaches a status. */
export const DEPARTMENT_STATUS_STEPS: Record<
  Exclude<IncidentDepartmentStatus, IncidentDepartmentStatus.Calling>,
  { column: 'notified_at' | 'acknowledged_at' | 'on_site_at' | 'done_at'; event: IncidentEventKind }
> = {
  [IncidentDepartmentStatus.Notified]: { column: 'notified_at', event: IncidentEventKind.Notified },
  [IncidentDepartmentStatus.Acknowledged]: { column: 'acknowledged_at', event: IncidentEventKind.Acknowledged },
  [IncidentDepartmentStatus.OnSite]: { column: 'on_site_at', event: IncidentEventKind.OnSite },
  [IncidentDepartmentStatus.Done]: { column: 'done_at', event: IncidentEventKind.Done },
};
