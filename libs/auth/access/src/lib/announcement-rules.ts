import { mayApproveAnnouncement } from '@worksite/shared-announcements';
import { Actor } from './actor';
import { WriteRefusal } from './write-rules';

/**
 * Editing, approving and posting resident announcements (the rule of
 * @worksite/shared-announcements): administrators and the project's coordinators; for an
 * incident's announcement (no project) any coordinator. Others get a 403 saying so.
 */
export function announcementRefusal(actor: Actor, projectId: string | null): WriteRefusal {
  return mayApproveAnnouncement(actor, projectId) ? undefined : { message: 'announcement_approvers_only' };
}
