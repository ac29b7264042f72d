import { mayPlanProject, PlanningUser } from '@worksite/shared-domain';

/**
 * Make-ready constraints (Last Planner): what must be true before a task can be worked — a dig
 * permit, an approved outage window, materials on site, a police escort, residents told, the
 * other department's work done. A task with an open constraint is "not ready". One definition
 * for the api, the worker (nightly notices, reminders, the 18:00 list) and the web app.
 */
export const CONSTRAINT_KINDS = [
  'dig_permit',
  'outage_approval',
  'materials',
  'escort',
  'residents_told',
  'predecessor_done',
  'other',
] as const;
export type ConstraintKind = (typeof CONSTRAINT_KINDS)[number];

export const CONSTRAINT_STATUSES = ['open', 'cleared'] as const;
export type ConstraintStatus = (typeof CONSTRAINT_STATUSES)[number];

/** What the nightly notice does with a task that is not ready: say so, or hold it back. */
export const NOT_READY_POLICIES = ['mark', 'hold'] as const;
export type NotReadyPolicy = (typeof NOT_READY_POLICIES)[number];
export const DEFAULT_NOT_READY_POLICY: NotReadyPolicy = 'mark';

/** Days before a constraint's due date on which its owner is reminded (and on the day itself). */
export const CONSTRAINT_REMINDER_DAYS = [2, 0] as const;

/** Local time at which the coordinator gets tomorrow's not-ready list, before the 20:00 run. */
export const NOT_READY_LIST_TIME = '18:00';

/** The part of a constraint the readiness rule reads. */
export interface ConstraintState {
  readonly status: ConstraintStatus | string;
}

/** A task is ready when none of its constraints is open. */
export function isReady(constraints: readonly ConstraintState[]): boolean {
  return constraints.every((c) => c.status !== 'open');
}

/**
 * What a task's badges say where its readiness is known (the day plan, the crew's phone): a task
 * still to be worked (not done, not cancelled) with an open constraint is marked not ready, and
 * its status "ready" (as a coordinator may have set it) is not shown beside that mark; any other
 * status is. `status` null: no status badge.
 */
export function readinessBadges<S extends string>(
  status: S,
  openConstraint: boolean,
): { status: S | null; notReady: boolean } {
  const notReady = openConstraint && status !== 'done' && status !== 'cancelled';
  return { status: notReady && status === 'ready' ? null : status, notReady };
}

/** Number of open constraints. */
export function openCount(constraints: readonly ConstraintState[]): number {
  return constraints.filter((c) => c.status === 'open').length;
}

/** Allowed moves: open → cleared (who and when are recorded), cleared → open (reopened). */
export function mayMoveConstraint(from: ConstraintStatus, to: ConstraintStatus): boolean {
  return from !== to;
}

/** An open constraint whose due date (a local date) is before `today` is overdue. */
export function isOverdue(c: { status: string; dueDate: string | null }, today: string): boolean {
  return c.status === 'open' && !!c.dueDate && c.dueDate < today;
}

/** Who owns a constraint: a department, or a user (or nobody yet). */
export interface ConstraintOwner {
  ownerDepartmentId: string | null;
  ownerUserId: string | null;
}

/** The part of a user the owner rule reads. */
export interface ConstraintActor {
  id: string;
  role: string;
  departmentId: string | null;
}

/**
 * The constraint's owner, who may clear and reopen it besides the project's planners: the owner
 * user, or (when a department owns it) an agency user of that department. One rule for the api
 * (which refuses others) and the web app (which offers the button).
 */
export function ownsConstraint(user: ConstraintActor | null | undefined, owner: ConstraintOwner): boolean {
  if (!user) return false;
  if (owner.ownerUserId) return owner.ownerUserId === user.id;
  return user.role === 'agency' && !!owner.ownerDepartmentId && owner.ownerDepartmentId === user.departmentId;
}

/** A signed-in user as the clearing rule reads them: who they are, their role, department and projects. */
export type ConstraintUser = ConstraintActor & PlanningUser;

/**
 * Who may mark a constraint cleared (or reopen it): the project's planners (mayPlanProject), or
 * its owner (ownsConstraint). The api refuses everyone else; pages offer the button by it.
 */
export function mayClearConstraint(
  user: ConstraintUser | null | undefined,
  projectId: string,
  owner: ConstraintOwner,
): boolean {
  return mayPlanProject(user, projectId) || ownsConstraint(user, owner);
}
