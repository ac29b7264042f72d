import { Role } from '@worksite/shared-domain';
import { Actor } from './actor';

/**
 * Who sees the personal contact data of a crew (its leader's phone, its channels' email
 * addresses and phone numbers, where its notices were delivered): administrators, the
 * coordinators (they maintain the crews, shared by every project, and send the notices), and
 * the crew's own lead. Viewers and agencies read the plans without them.
 */
export function maySeeCrewContacts(actor: Actor, crewId: string | null | undefined): boolean {
  switch (actor.role) {
    case Role.Admin:
    case Role.Coordinator:
      return true;
    case Role.Contractor:
      return !!crewId && actor.crewIds.includes(crewId);
    default:
      return false;
  }
}

/**
 * The contact person's phone of a contractor (the company running crews): administrators,
 * coordinators, and contractor users, who read only the contractors of their own crews.
 */
export function maySeeContractorContacts(actor: Actor): boolean {
  return actor.role === Role.Admin || actor.role === Role.Coordinator || actor.role === Role.Contractor;
}
