import { Role } from '@worksite/shared-domain';
import { testActor } from '../testing/test-actor';
import { noticeRefusal } from './notice-rules';
import { readScope } from './read-scopes';
import { Resource } from './resources';

const actor = testActor;
const NOTICE_RESOURCES = [Resource.NoticeRun, Resource.Notice, Resource.Delivery, Resource.NoticeEscalation];

describe('notice read scopes', () => {
  it('shows administrators and viewers everything', () => {
    for (const resource of NOTICE_RESOURCES) {
      expect(readScope(resource, actor(Role.Admin))).toBe('all');
      expect(readScope(resource, actor(Role.Viewer))).toBe('all');
    }
  });

  it('shows coordinators the runs, notices, deliveries and escalations of their projects', () => {
    const coordinator = actor(Role.Coordinator, { projectIds: ['p1'] });
    expect(readScope(Resource.NoticeRun, coordinator)).toMatchObject({ where: 'e.projectId = ANY(:projectIds)' });
    expect(readScope(Resource.NoticeEscalation, coordinator)).toMatchObject({
      where: 'e.projectId = ANY(:projectIds)',
    });
    expect(readScope(Resource.Notice, coordinator)).toMatchObject({
      where: 'e.projectIds && CAST(:projectIds AS uuid[])',
      params: { projectIds: ['p1'] },
    });
    expect(readScope(Resource.Delivery, coordinator)).toMatchObject({
      where: expect.stringContaining('n.project_ids &&'),
    });
  });

  it("shows contractors only their crews' notices and deliveries, and no runs", () => {
    const contractor = actor(Role.Contractor, { crewIds: ['c1'] });
    expect(readScope(Resource.Notice, contractor)).toMatchObject({
      where: 'e.crewId = ANY(:crewIds)',
      params: { crewIds: ['c1'] },
    });
    expect(readScope(Resource.Delivery, contractor)).toMatchObject({
      where: expect.stringContaining('n.crew_id = ANY(:crewIds)'),
    });
    expect(readScope(Resource.NoticeRun, contractor)).toBe('none');
    expect(readScope(Resource.NoticeEscalation, contractor)).toBe('none');
    expect(readScope(Resource.Notice, actor(Role.Contractor))).toBe('none');
  });

  it('shows agencies no notices', () => {
    for (const resource of NOTICE_RESOURCES) {
      expect(readScope(resource, actor(Role.Agency, { departmentId: 'power' }))).toBe('none');
    }
  });
});

describe('noticeRefusal', () => {
  const coordinator = actor(Role.Coordinator, { projectIds: ['p1'] });

  it('lets coordinators of the project and administrators send and resend', () => {
    expect(noticeRefusal('send', coordinator, { projectIds: ['p1'] })).toBeUndefined();
    expect(noticeRefusal('resend', coordinator, { projectIds: ['p2', 'p1'] })).toBeUndefined();
    expect(noticeRefusal('send', coordinator, { projectIds: ['p2'] })?.message).toBe('notice_send_coordinators');
    expect(noticeRefusal('send', actor(Role.Admin), { projectIds: ['p9'] })).toBeUndefined();
    for (const role of [Role.Viewer, Role.Agency, Role.Contractor]) {
      expect(
        noticeRefusal('send', actor(role, { crewIds: ['c1'], projectIds: ['p1'] }), { projectIds: ['p1'] }),
      ).toBeDefined();
    }
  });

  it("lets only the crew's lead (or an administrator) acknowledge with a session", () => {
    const lead = actor(Role.Contractor, { crewIds: ['c1'] });
    expect(noticeRefusal('acknowledge', lead, { projectIds: [], crewId: 'c1' })).toBeUndefined();
    expect(noticeRefusal('acknowledge', lead, { projectIds: [], crewId: 'c2' })).toBeDefined();
    expect(noticeRefusal('acknowledge', coordinator, { projectIds: ['p1'], crewId: 'c1' })).toBeDefined();
    expect(noticeRefusal('acknowledge', actor(Role.Admin), { projectIds: [], crewId: 'c1' })).toBeUndefined();
  });
});
