import { mayPlanProject, PlanningUser, Role } from '@worksite/shared-domain';

/**
 * The states of a resident announcement, once, for the api and the web app:
 *
 *   draft ──approve──▶ approved ──post──▶ posted ──follow-up──▶ updated ─┐
 *     ▲ ◀──edit────────┘                    │                     ▲────┘
 *     └────────────── redraft (the cut moved: residents must be told again) ◀──┘
 *
 * A draft is never posted: the coordinator's approval comes first. Editing an approved text
 * takes it back to draft (the approval was for the other text). A posted announcement is not
 * edited: a follow-up ("已恢复供电") is posted on it, or it is re-drafted when its cut moves.
 */
export const ANNOUNCEMENT_STATES = ['draft', 'approved', 'posted', 'updated'] as const;
export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[number];

export type AnnouncementEvent = 'edit' | 'approve' | 'post' | 'follow-up' | 'redraft';

/** Why an event does not apply in a state; each is a message key of libs/shared/i18n. */
export type AnnouncementRefusal =
  | 'announcement_not_approved'
  | 'announcement_already_approved'
  | 'announcement_already_posted'
  | 'announcement_not_posted';

const TRANSITIONS: Readonly<Record<AnnouncementEvent, Partial<Record<AnnouncementState, AnnouncementState>>>> = {
  edit: { draft: 'draft', approved: 'draft' },
  approve: { draft: 'approved' },
  post: { approved: 'posted' },
  'follow-up': { posted: 'updated', updated: 'updated' },
  redraft: { draft: 'draft', approved: 'draft', posted: 'draft', updated: 'draft' },
};

/** The state an event leads to, or why it is refused in this state. */
export function announcementTransition(
  state: AnnouncementState,
  event: AnnouncementEvent,
): { to: AnnouncementState } | { refused: AnnouncementRefusal } {
  const to = TRANSITIONS[event][state];
  if (to) return { to };
  return { refused: refusalOf(state, event) };
}

function refusalOf(state: AnnouncementState, event: AnnouncementEvent): AnnouncementRefusal {
  const posted = state === 'posted' || state === 'updated';
  switch (event) {
    case 'post':
      return posted ? 'announcement_already_posted' : 'announcement_not_approved';
    case 'approve':
      return posted ? 'announcement_already_posted' : 'announcement_already_approved';
    case 'follow-up':
      return 'announcement_not_posted';
    default:
      return 'announcement_already_posted';
  }
}

/** The events the state allows (the web app offers these buttons). */
export function announcementEvents(state: AnnouncementState): AnnouncementEvent[] {
  return (Object.keys(TRANSITIONS) as AnnouncementEvent[]).filter(
    (event) => event !== 'redraft' && TRANSITIONS[event][state] !== undefined,
  );
}

/**
 * Who approves, edits and posts announcements: administrators and the coordinators of the
 * project (an incident's announcement, with no project, any coordinator). Residents read
 * what they approve, so viewers, agencies and contractors may not.
 */
export function mayApproveAnnouncement(user: PlanningUser | null | undefined, projectId: string | null): boolean {
  if (!user) return false;
  if (projectId) return mayPlanProject(user, projectId);
  return user.role === Role.Admin || user.role === Role.Coordinator;
}
