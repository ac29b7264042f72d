import { Conflict } from '@worksite/scheduling-engine';
import { SchedulingMode } from '@worksite/shared-domain';
import { demoDecision, DemoClashTask } from './demo-triage';

const clash = (kind: Conflict['kind']): Conflict => ({
  kind,
  key: `${kind}|a|b`,
  taskIds: ['a', 'b'],
  window: { start: 0, end: 1 },
});
const auto = (department: DemoClashTask['department']): DemoClashTask => ({
  department,
  mode: SchedulingMode.Automatic,
});
const watch: DemoClashTask = { department: 'construction', mode: SchedulingMode.Manual };

describe("the demo coordinator's decisions", () => {
  it('accepts operators side by side in a compound with the reason from the coordination meeting', () => {
    expect(demoDecision(clash('location-clash'), [auto('mobile'), auto('unicom')], 0)).toEqual({
      action: 'accept',
      reason: '两家运营商在同一小区不同楼栋施工，可并行',
    });
  });

  it('accepts the work that follows the trench, and escalates a water main still to be moved beside it', () => {
    expect(demoDecision(clash('location-clash'), [auto('construction'), auto('mobile')], 0)?.action).toBe('accept');
    expect(demoDecision(clash('location-clash'), [auto('appearance'), auto('unicom')], 0)?.action).toBe('accept');
    expect(demoDecision(clash('location-clash'), [auto('construction'), auto('heating')], 0)?.action).toBe('accept');
    expect(demoDecision(clash('location-clash'), [auto('construction'), auto('water')], 0)).toMatchObject({
      action: 'escalate',
      department: 'water',
    });
    // One that has happened was dealt with on site.
    expect(demoDecision(clash('location-clash'), [auto('construction'), auto('water')], 2)?.action).toBe('accept');
  });

  it("accepts a watch on a day off, and escalates one in an exam's quiet hours", () => {
    expect(demoDecision(clash('location-clash'), [auto('construction'), watch], 0)?.action).toBe('accept');
    expect(demoDecision(clash('outside-working-time'), [watch], 0)?.action).toBe('accept');
    expect(demoDecision(clash('blackout'), [watch], 0)).toMatchObject({
      action: 'escalate',
      department: 'construction',
    });
  });

  it('leaves anything else open for the coordinator', () => {
    expect(demoDecision(clash('blackout'), [auto('power')], 0)).toBeNull();
    expect(demoDecision(clash('crew-double-booking'), [auto('power'), auto('power')], 0)).toBeNull();
    expect(demoDecision(clash('location-clash'), [auto('power'), auto('gas')], 0)).toBeNull();
  });
});
