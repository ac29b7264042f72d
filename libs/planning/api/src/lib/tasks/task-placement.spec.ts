import { ConstraintType, SchedulingMode } from '@worksite/shared-domain';
import { placementConstraint } from './task-placement';

const START = '2026-12-01T08:00:00+08:00';
const current = { plannedStart: new Date('2026-11-30T00:00:00Z'), schedulingMode: SchedulingMode.Automatic };

describe('placementConstraint', () => {
  it('holds a new automatic task no earlier than where it was put', () => {
    expect(placementConstraint({ plannedStart: START })).toEqual({
      constraintType: ConstraintType.StartNoEarlierThan,
      constraintAt: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it('replaces the constraint of an automatic task that moves', () => {
    expect(placementConstraint({ plannedStart: START }, current)?.constraintAt).toEqual(
      new Date('2026-12-01T00:00:00Z'),
    );
  });

  it('adds nothing when the start does not change, no start is given or the request sets the constraint', () => {
    expect(placementConstraint({ plannedStart: '2026-11-30T08:00:00+08:00' }, current)).toBeUndefined();
    expect(placementConstraint({}, current)).toBeUndefined();
    expect(placementConstraint({ plannedStart: START, constraintType: null, constraintAt: null })).toBeUndefined();
    expect(
      placementConstraint({
        plannedStart: START,
        constraintType: ConstraintType.MustStartOn,
        constraintAt: START,
      }),
    ).toBeUndefined();
  });

  it('leaves manual tasks alone, also when the request makes them manual', () => {
    expect(placementConstraint({ plannedStart: START, schedulingMode: SchedulingMode.Manual })).toBeUndefined();
    expect(
      placementConstraint({ plannedStart: START }, { ...current, schedulingMode: SchedulingMode.Manual }),
    ).toBeUndefined();
    expect(
      placementConstraint(
        { plannedStart: START, schedulingMode: SchedulingMode.Automatic },
        { ...current, schedulingMode: SchedulingMode.Manual },
      )?.constraintType,
    ).toBe(ConstraintType.StartNoEarlierThan);
  });
});
