import { Role } from './enums';

/** The part of a signed-in user the planning rule reads (the api's Actor and the web's session user both have it). */
export interface PlanningUser {
  readonly role: Role | `${Role}`;
  /** Coordinators: the projects they coordinate. */
  readonly projectIds: readonly string[];
}

/**
 * Who may plan a project — create, move, link and delete its tasks, apply a recompute, send its
 * notices: administrators, and the coordinators of that project. The api enforces it
 * (libs/auth/access) and the web app offers editing by it, from this one definition.
 */
export function mayPlanProject(user: PlanningUser | null | undefined, projectId: string | null | undefined): boolean {
  if (!user) return false;
  if (user.role === Role.Admin) return true;
  return user.role === Role.Coordinator && !!projectId && user.projectIds.includes(projectId);
}

/** mayPlanProject for any of several projects (a notice may span the projects of its tasks). */
export function mayPlanAnyOf(user: PlanningUser | null | undefined, projectIds: readonly string[]): boolean {
  return projectIds.some((id) => mayPlanProject(user, id));
}
