import { Role } from '@worksite/shared-domain';
import { SessionUser } from './session.types';

/** Where each role starts: coordinators plan, agencies check chains, crew leads read their work. */
export function landingPath(user: SessionUser | null): string {
  if (!user) return '/login';
  switch (user.role) {
    case Role.Coordinator:
      return user.projectIds.length === 1 ? `/projects/${user.projectIds[0]}/gantt` : '/projects';
    case Role.Agency:
      return '/agency';
    case Role.Contractor:
      return '/crew';
    default:
      return '/projects';
  }
}

/** Roles allowed on each area of the app (guards and the navigation read the same table). */
export const AREA_ROLES = {
  projects: [Role.Admin, Role.Coordinator, Role.Viewer],
  plan: [Role.Admin, Role.Coordinator, Role.Viewer],
  // Crew leads commit their crews to the week's tasks (the API limits them to their crews).
  weeklyPlan: [Role.Admin, Role.Coordinator, Role.Viewer, Role.Contractor],
  agency: [Role.Agency, Role.Admin],
  crew: [Role.Contractor, Role.Admin],
  setup: [Role.Admin, Role.Coordinator],
  users: [Role.Admin],
  // Agencies and crew leads see the incidents that call them in (the API filters) and report their own steps.
  incidents: [Role.Admin, Role.Coordinator, Role.Viewer, Role.Agency, Role.Contractor],
} as const satisfies Record<string, readonly Role[]>;

export type AppArea = keyof typeof AREA_ROLES;

export function mayEnter(user: SessionUser | null, area: AppArea): boolean {
  return !!user && (AREA_ROLES[area] as readonly Role[]).includes(user.role);
}
