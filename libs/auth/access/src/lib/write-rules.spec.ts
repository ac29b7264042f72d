import { Role } from '@worksite/shared-domain';
import { testActor } from '../testing/test-actor';
import { Resource } from './resources';
import { writeRefusal } from './write-rules';

const actor = testActor;

describe('writeRefusal', () => {
  const contractor = actor(Role.Contractor, { crewIds: ['crew-1'] });
  const agency = actor(Role.Agency, { departmentId: 'power' });
  const coordinator = actor(Role.Coordinator, { projectIds: ['p1'] });

  it('lets a contractor report status and progress of its own crew’s task only', () => {
    expect(
      writeRefusal(Resource.Task, 'update', contractor, { crewId: 'crew-1' }, ['progress', 'status']),
    ).toBeUndefined();
    expect(writeRefusal(Resource.Task, 'update', contractor, { crewId: 'crew-2' }, ['progress'])?.message).toBe(
      'task_of_other_crew',
    );
    expect(writeRefusal(Resource.Task, 'update', contractor, { crewId: 'crew-1' }, ['plannedStart'])).toEqual({
      message: { key: 'only_status_progress', params: { fields: ['plannedStart'] } },
      fields: ['plannedStart'],
    });
    expect(writeRefusal(Resource.Task, 'delete', contractor, { crewId: 'crew-1' })).toBeDefined();
  });

  it('lets contractors and agencies start and finish their tasks, but not cancel or reopen them', () => {
    for (const [who, own] of [
      [contractor, { crewId: 'crew-1' }],
      [agency, { departmentId: 'power' }],
    ] as const) {
      for (const status of ['in_progress', 'done', 'blocked']) {
        expect(writeRefusal(Resource.Task, 'update', who, { ...own, status }, ['status', 'progress'])).toBeUndefined();
      }
      expect(writeRefusal(Resource.Task, 'update', who, { ...own, status: 'cancelled' }, ['status'])).toEqual({
        message: 'cancel_coordinators_only',
        fields: ['status'],
      });
      // Progress on a task that happens to be cancelled is no status change.
      expect(writeRefusal(Resource.Task, 'update', who, { ...own, status: 'cancelled' }, ['progress'])).toBeUndefined();
    }
    expect(
      writeRefusal(Resource.Task, 'update', coordinator, { projectId: 'p1', status: 'cancelled' }, ['status']),
    ).toBeUndefined();
    expect(
      writeRefusal(Resource.Task, 'update', actor(Role.Admin), { status: 'cancelled' }, ['status']),
    ).toBeUndefined();
  });

  it("lets an agency update its own department's task progress", () => {
    expect(writeRefusal(Resource.Task, 'update', agency, { departmentId: 'power' }, ['progress'])).toBeUndefined();
    expect(writeRefusal(Resource.Task, 'update', agency, { departmentId: 'telecom' }, ['progress'])).toBeDefined();
    expect(writeRefusal(Resource.Dependency, 'create', agency, {})).toBeDefined();
  });

  it('lets a coordinator manage its projects and reference data but not delete reference data', () => {
    expect(writeRefusal(Resource.Task, 'create', coordinator, { projectId: 'p1' })).toBeUndefined();
    expect(writeRefusal(Resource.Task, 'update', coordinator, { projectId: 'p2' })).toBeDefined();
    expect(writeRefusal(Resource.Project, 'create', coordinator, {})).toBeUndefined();
    expect(writeRefusal(Resource.Crew, 'update', coordinator, {})).toBeUndefined();
    expect(writeRefusal(Resource.Crew, 'delete', coordinator, {})).toBeDefined();
    expect(writeRefusal(Resource.User, 'create', coordinator, {})).toBeDefined();
  });

  it('lets only the coordinators of a project decide its clashes and keep its baselines', () => {
    for (const resource of [Resource.ConflictDecision, Resource.Baseline]) {
      expect(writeRefusal(resource, 'create', coordinator, { projectId: 'p1' })).toBeUndefined();
      expect(writeRefusal(resource, 'delete', coordinator, { projectId: 'p1' })).toBeUndefined();
      expect(writeRefusal(resource, 'create', coordinator, { projectId: 'p2' })?.message).toBe(
        'decide_only_own_projects',
      );
      expect(writeRefusal(resource, 'create', contractor, { projectId: 'p1' })).toBeDefined();
      expect(writeRefusal(resource, 'create', agency, { projectId: 'p1' })).toBeDefined();
    }
  });

  it('refuses every write of a viewer and none of an admin', () => {
    for (const resource of Object.values(Resource)) {
      expect(writeRefusal(resource, 'create', actor(Role.Viewer), {})).toBeDefined();
      expect(writeRefusal(resource, 'delete', actor(Role.Admin), {})).toBeUndefined();
    }
  });
});
