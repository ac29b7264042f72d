import { Role } from './enums';
import { mayPlanAnyOf, mayPlanProject } from './planning-rules';

describe('mayPlanProject', () => {
  const coordinator = { role: Role.Coordinator, projectIds: ['p1'] };

  it('lets administrators plan every project and coordinators their own', () => {
    expect(mayPlanProject({ role: Role.Admin, projectIds: [] }, 'p2')).toBe(true);
    expect(mayPlanProject(coordinator, 'p1')).toBe(true);
    expect(mayPlanProject(coordinator, 'p2')).toBe(false);
  });

  it.each([Role.Agency, Role.Contractor, Role.Viewer])('never lets a %s plan, even with project ids', (role) => {
    expect(mayPlanProject({ role, projectIds: ['p1'] }, 'p1')).toBe(false);
  });

  it('refuses without a user or a project', () => {
    expect(mayPlanProject(null, 'p1')).toBe(false);
    expect(mayPlanProject(coordinator, null)).toBe(false);
  });

  it('plans a notice spanning projects when one of them is the coordinator’s', () => {
    expect(mayPlanAnyOf(coordinator, ['p2', 'p1'])).toBe(true);
    expect(mayPlanAnyOf(coordinator, ['p2'])).toBe(false);
  });
});
