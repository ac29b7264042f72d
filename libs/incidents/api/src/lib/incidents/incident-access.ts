import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { Actor, maySeeCrewContacts } from '@worksite/auth-access';
import { IncidentFilter } from '@worksite/incidents-data-access';
import { IncidentDetailDto, Role } from '@worksite/shared-domain';

/**
 * Who sees which incidents: admins, coordinators and viewers all (emergencies concern the
 * whole community); agencies those calling in their department; contractors those calling out
 * one of their crews. Others see none (and get 404 for any).
 */
export function incidentFilter(actor: Actor): IncidentFilter {
  switch (actor.role) {
    case Role.Admin:
    case Role.Coordinator:
    case Role.Viewer:
      return { where: 'true', params: [] };
    case Role.Agency:
      return actor.departmentId
        ? {
            where: 'i.id IN (SELECT x.incident_id FROM incident_departments x WHERE x.department_id = $1)',
            params: [actor.departmentId],
          }
        : { where: 'false', params: [] };
    case Role.Contractor:
      return {
        where: 'i.id IN (SELECT x.incident_id FROM incident_departments x WHERE x.crew_id = ANY($1::uuid[]))',
        params: [actor.crewIds],
      };
    default:
      return { where: 'false', params: [] };
  }
}

/** Reporting and closing incidents, recording resident posts: admins and coordinators. */
export function assertMayCoordinate(actor: Actor): void {
  if (actor.role !== Role.Admin && actor.role !== Role.Coordinator) {
    throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'incident_coordinators_only');
  }
}

/** Setting a department's status: admins, coordinators, the department's agency users, the called-out crew's lead. */
export function assertMaySetStatus(actor: Actor, row: { departmentId: string; crewId: string | null }): void {
  if (actor.role === Role.Admin || actor.role === Role.Coordinator) return;
  if (actor.role === Role.Agency && actor.departmentId === row.departmentId) return;
  if (actor.role === Role.Contractor && row.crewId && actor.crewIds.includes(row.crewId)) return;
  throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'incident_status_own_department');
}

/** Whether the actor sees the call-outs' channels (contact data). */
export const seesCallouts = (actor: Actor): boolean => actor.role === Role.Admin || actor.role === Role.Coordinator;

/**
 * The board as the actor may read it: a crew's leader phone only for those who see crews'
 * contact data (admins, coordinators, the crew's own lead; see maySeeCrewContacts).
 */
export function boardFor(detail: IncidentDetailDto, actor: Actor): IncidentDetailDto {
  return {
    ...detail,
    departments: detail.departments.map((d) => (maySeeCrewContacts(actor, d.crewId) ? d : { ...d, crewPhone: null })),
  };
}
