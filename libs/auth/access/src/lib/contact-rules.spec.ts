import { Role } from '@worksite/shared-domain';
import { testActor } from '../testing/test-actor';
import { maySeeContractorContacts, maySeeCrewContacts } from './contact-rules';

const actor = testActor;

describe('contact rules', () => {
  it("show crews' contact data to admins, coordinators and the crew's own lead only", () => {
    expect(maySeeCrewContacts(actor(Role.Admin), 'c1')).toBe(true);
    expect(maySeeCrewContacts(actor(Role.Coordinator, { projectIds: ['p1'] }), 'c1')).toBe(true);
    expect(maySeeCrewContacts(actor(Role.Contractor, { crewIds: ['c1'] }), 'c1')).toBe(true);
    expect(maySeeCrewContacts(actor(Role.Contractor, { crewIds: ['c1'] }), 'c2')).toBe(false);
    expect(maySeeCrewContacts(actor(Role.Contractor, { crewIds: ['c1'] }), null)).toBe(false);
    expect(maySeeCrewContacts(actor(Role.Agency, { departmentId: 'power' }), 'c1')).toBe(false);
    expect(maySeeCrewContacts(actor(Role.Viewer), 'c1')).toBe(false);
  });

  it("show contractors' contact phone to everyone but viewers and agencies", () => {
    expect(
      [Role.Admin, Role.Coordinator, Role.Contractor].map((role) => maySeeContractorContacts(actor(role))),
    ).toEqual([true, true, true]);
    expect(maySeeContractorContacts(actor(Role.Agency, { departmentId: 'power' }))).toBe(false);
    expect(maySeeContractorContacts(actor(Role.Viewer))).toBe(false);
  });
});
