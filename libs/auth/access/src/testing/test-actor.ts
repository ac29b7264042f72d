import { Role } from '@worksite/shared-domain';
import { Actor } from '../lib/actor';

/** An actor for the rules' specs: a role, nothing assigned unless given. */
export const testActor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  id: 'u',
  name: 'u',
  role,
  sessionId: 's',
  departmentId: null,
  crewIds: [],
  projectIds: [],
  ...extra,
});
