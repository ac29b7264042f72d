import { Role } from '@worksite/shared-domain';
import { testActor } from '../testing/test-actor';
import { ownsConstraint } from '@worksite/shared-make-ready';
import { constraintClearRefusal, constraintPlanRefusal } from './make-ready-rules';

const actor = testActor;

describe('make-ready rules', () => {
  const coordinator = actor(Role.Coordinator, { projectIds: ['p1'] });
  const powerAgency = actor(Role.Agency, { departmentId: 'power' });
  const lead = actor(Role.Contractor, { id: 'lead', crewIds: ['c1'] });
  const byPower = { ownerDepartmentId: 'power', ownerUserId: null };
  const byLead = { ownerDepartmentId: null, ownerUserId: 'lead' };

  it('lets only the planners of the project add, change and delete constraints', () => {
    expect(constraintPlanRefusal(actor(Role.Admin), 'p2')).toBeUndefined();
    expect(constraintPlanRefusal(coordinator, 'p1')).toBeUndefined();
    for (const who of [actor(Role.Coordinator, { projectIds: ['p2'] }), powerAgency, lead, actor(Role.Viewer)]) {
      expect(constraintPlanRefusal(who, 'p1')).toEqual({ message: 'make_ready_planners_only' });
    }
  });

  it('lets the owner clear and reopen: the owner user, or an agency user of the owner department', () => {
    expect(ownsConstraint(powerAgency, byPower)).toBe(true);
    expect(ownsConstraint(lead, byLead)).toBe(true);
    // A crew lead is no agency user of a department; another department's agency owns nothing.
    expect(ownsConstraint(actor(Role.Contractor, { departmentId: 'power' }), byPower)).toBe(false);
    expect(ownsConstraint(actor(Role.Agency, { departmentId: 'water' }), byPower)).toBe(false);
    expect(ownsConstraint(powerAgency, { ownerDepartmentId: null, ownerUserId: null })).toBe(false);
    expect(constraintClearRefusal(lead, 'p1', byLead)).toBeUndefined();
    expect(constraintClearRefusal(coordinator, 'p1', byLead)).toBeUndefined();
    expect(constraintClearRefusal(lead, 'p1', byPower)).toEqual({ message: 'make_ready_clear_planner_or_owner' });
    expect(constraintClearRefusal(actor(Role.Viewer), 'p1', byPower)).toBeDefined();
  });
});
