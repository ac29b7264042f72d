import { mayPlanAnyOf, Role } from '@worksite/shared-domain';
import { Actor } from './actor';
import { WriteRefusal } from './write-rules';

/** What may be done to nightly notices besides reading them. */
export type NoticeAction = 'send' | 'resend' | 'acknowledge';

/**
 * Sending a project's notices now and resending a crew's notice: administrators and the
 * coordinators of one of the projects. Acknowledging with a session: the crew's lead
 * (contractor) and administrators; everyone else acknowledges through the link.
 */
export function noticeRefusal(
  action: NoticeAction,
  actor: Actor,
  target: { projectIds: string[]; crewId?: string },
): WriteRefusal {
  if (actor.role === Role.Admin) return undefined;
  if (action === 'acknowledge') {
    return actor.role === Role.Contractor && !!target.crewId && actor.crewIds.includes(target.crewId)
      ? undefined
      : { message: 'notice_ack_crew_lead' };
  }
  return mayPlanAnyOf(actor, target.projectIds) ? undefined : { message: 'notice_send_coordinators' };
}
