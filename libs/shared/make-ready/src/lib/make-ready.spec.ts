import { isOverdue, isReady, mayClearConstraint, openCount, ownsConstraint, readinessBadges } from './constraints';
import { percentPlanComplete, varianceParetoOf } from './ppc';
import { weekDates, weekStartOf, weekState, weeksOver } from './weeks';

describe('make-ready rules', () => {
  it('the owner clears: the owner user, or an agency user of the owner department (not its coordinator)', () => {
    const agency = { id: 'u1', role: 'agency', departmentId: 'power' };
    const owned = (o: { ownerUserId?: string; ownerDepartmentId?: string }) => ({
      ownerUserId: o.ownerUserId ?? null,
      ownerDepartmentId: o.ownerDepartmentId ?? null,
    });
    expect(ownsConstraint(agency, owned({ ownerUserId: 'u1' }))).toBe(true);
    // A user owns it: only that user, not the department's agency users.
    expect(ownsConstraint(agency, owned({ ownerUserId: 'u2', ownerDepartmentId: 'power' }))).toBe(false);
    expect(ownsConstraint(agency, owned({ ownerDepartmentId: 'power' }))).toBe(true);
    expect(ownsConstraint({ ...agency, role: 'coordinator' }, owned({ ownerDepartmentId: 'power' }))).toBe(false);
    expect(ownsConstraint({ ...agency, departmentId: 'water' }, owned({ ownerDepartmentId: 'power' }))).toBe(false);
    expect(ownsConstraint(agency, owned({}))).toBe(false);
    expect(ownsConstraint(null, owned({ ownerUserId: 'u1' }))).toBe(false);
    // Clearing: the owner, or a planner of the project (an admin, its coordinators).
    const lead = { id: 'lead', role: 'contractor', departmentId: null, projectIds: [] };
    const coordinator = { id: 'co', role: 'coordinator', departmentId: null, projectIds: ['p1'] };
    expect(mayClearConstraint(lead, 'p1', owned({ ownerUserId: 'lead' }))).toBe(true);
    expect(mayClearConstraint(lead, 'p1', owned({ ownerDepartmentId: 'power' }))).toBe(false);
    expect(mayClearConstraint(coordinator, 'p1', owned({ ownerDepartmentId: 'power' }))).toBe(true);
    expect(mayClearConstraint(coordinator, 'p2', owned({}))).toBe(false);
    expect(mayClearConstraint({ ...lead, role: 'admin' }, 'p2', owned({}))).toBe(true);
  });

  it('a task is ready only when no constraint is open', () => {
    expect(isReady([])).toBe(true);
    expect(isReady([{ status: 'cleared' }, { status: 'cleared' }])).toBe(true);
    expect(isReady([{ status: 'cleared' }, { status: 'open' }])).toBe(false);
    expect(openCount([{ status: 'open' }, { status: 'cleared' }, { status: 'open' }])).toBe(2);
  });

  it('a pending task with an open constraint is marked not ready, without its status "ready" beside the mark', () => {
    expect(readinessBadges('ready', true)).toEqual({ status: null, notReady: true });
    expect(readinessBadges('ready', false)).toEqual({ status: 'ready', notReady: false });
    expect(readinessBadges('planned', true)).toEqual({ status: 'planned', notReady: true });
    expect(readinessBadges('in_progress', true)).toEqual({ status: 'in_progress', notReady: true });
    // Finished or dropped work is past being ready or not.
    expect(readinessBadges('done', true)).toEqual({ status: 'done', notReady: false });
    expect(readinessBadges('cancelled', true)).toEqual({ status: 'cancelled', notReady: false });
  });

  it('an open constraint past its due date is overdue; a cleared one never', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-12-03' }, '2026-12-04')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-12-04' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ status: 'cleared', dueDate: '2026-12-01' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: null }, '2026-12-04')).toBe(false);
  });

  it('weeks start on Monday', () => {
    expect(weekStartOf('2026-12-04')).toBe('2026-11-30'); // a Friday
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30'); // Sunday
    // The week of Monday 11-30 seen from its Sunday, from the Monday after and from the week before.
    expect(weekState('2026-11-30', '2026-12-06')).toBe('running');
    expect(weekState('2026-11-30', '2026-12-07')).toBe('over');
    expect(weekState('2026-11-30', '2026-11-29')).toBe('ahead');
    // Of 11-16…12-07 seen on Monday 12-07: up to 11-30 are over; the week under way is not.
    expect(weeksOver('2026-11-16', '2026-12-07', '2026-12-07')).toEqual({ from: '2026-11-16', to: '2026-11-30' });
    expect(weeksOver('2026-11-16', '2026-11-23', '2026-12-13')).toEqual({ from: '2026-11-16', to: '2026-11-23' });
    expect(weeksOver('2026-12-07', '2026-12-07', '2026-12-13')).toBeNull();
    expect(weeksOver('2026-12-14', '2026-12-21', '2026-12-07')).toBeNull();
    expect(weekDates('2026-11-30')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('PPC is the share of commitments done, and the Pareto counts reasons, most frequent first', () => {
    const week = [
      { outcome: 'done' as const, reason: null },
      { outcome: 'done' as const, reason: null },
      { outcome: 'not_done' as const, reason: 'materials_missing' as const },
      { outcome: 'not_done' as const, reason: 'weather' as const },
      { outcome: 'not_done' as const, reason: 'materials_missing' as const },
      { outcome: null, reason: null },
    ];
    expect(percentPlanComplete(week)).toBe(33.3);
    expect(percentPlanComplete([])).toBeNull();
    expect(varianceParetoOf(week)).toEqual([
      { reason: 'materials_missing', count: 2 },
      { reason: 'weather', count: 1 },
    ]);
  });
});
