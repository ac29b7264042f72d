import { Role } from '@worksite/shared-domain';

/** The authenticated user of a request, with what their role is scoped to. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  /** Session of the access token, revoked on logout, password or role change. */
  sessionId: string;
  /** Agency users: their department. */
  departmentId: string | null;
  /** Contractors: the crews they lead. */
  crewIds: string[];
  /** Coordinators: the projects they manage. */
  projectIds: string[];
}

/** Changes made by the system itself (seed, night jobs) are recorded under this actor. */
export const SYSTEM_ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  name: 'system',
  role: Role.Admin,
  sessionId: '',
  departmentId: null,
  crewIds: [],
  projectIds: [],
};
