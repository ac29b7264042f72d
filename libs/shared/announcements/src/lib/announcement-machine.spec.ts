import { Role } from '@worksite/shared-domain';
import { announcementEvents, announcementTransition, mayApproveAnnouncement } from './announcement-machine';

describe('announcement state machine', () => {
  it('goes draft → approved → posted → updated', () => {
    expect(announcementTransition('draft', 'approve')).toEqual({ to: 'approved' });
    expect(announcementTransition('approved', 'post')).toEqual({ to: 'posted' });
    expect(announcementTransition('posted', 'follow-up')).toEqual({ to: 'updated' });
    expect(announcementTransition('updated', 'follow-up')).toEqual({ to: 'updated' });
  });

  it('never posts a draft, and says why', () => {
    expect(announcementTransition('draft', 'post')).toEqual({ refused: 'announcement_not_approved' });
    expect(announcementTransition('draft', 'follow-up')).toEqual({ refused: 'announcement_not_posted' });
    expect(announcementTransition('posted', 'post')).toEqual({ refused: 'announcement_already_posted' });
    expect(announcementTransition('approved', 'approve')).toEqual({ refused: 'announcement_already_approved' });
    expect(announcementTransition('posted', 'edit')).toEqual({ refused: 'announcement_already_posted' });
  });

  it('takes an edited approved text back to draft, and a moved cut back to draft from anywhere', () => {
    expect(announcementTransition('approved', 'edit')).toEqual({ to: 'draft' });
    for (const state of ['draft', 'approved', 'posted', 'updated'] as const) {
      expect(announcementTransition(state, 'redraft')).toEqual({ to: 'draft' });
    }
  });

  it('offers the buttons of each state', () => {
    expect(announcementEvents('draft')).toEqual(['edit', 'approve']);
    expect(announcementEvents('approved')).toEqual(['edit', 'post']);
    expect(announcementEvents('posted')).toEqual(['follow-up']);
  });

  it('lets administrators and the project coordinators approve, nobody else', () => {
    expect(mayApproveAnnouncement({ role: Role.Admin, projectIds: [] }, 'p1')).toBe(true);
    expect(mayApproveAnnouncement({ role: Role.Coordinator, projectIds: ['p1'] }, 'p1')).toBe(true);
    expect(mayApproveAnnouncement({ role: Role.Coordinator, projectIds: ['p2'] }, 'p1')).toBe(false);
    expect(mayApproveAnnouncement({ role: Role.Viewer, projectIds: [] }, 'p1')).toBe(false);
    expect(mayApproveAnnouncement({ role: Role.Agency, projectIds: [] }, null)).toBe(false);
    expect(mayApproveAnnouncement({ role: Role.Coordinator, projectIds: [] }, null)).toBe(true);
  });
});
