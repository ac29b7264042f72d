import { ConstraintType, SchedulingMode } from '@worksite/shared-domain';
import { PAPERWORK_STEP, rushTaskRows } from './rush-tasks';

const step = (key: string, departmentId: string, minutes: number, interruption: 'power' | null = null) => ({
  key,
  title: key,
  departmentId,
  durationMinutes: minutes,
  dependsOn: [],
  content: '',
  materials: [],
  tools: [],
  safetyNotes: '',
  interruption,
});

describe('rushTaskRows', () => {
  const reportedAt = new Date('2026-10-27T06:00:00Z');
  const startAt = new Date('2026-10-27T06:07:00Z');
  const rows = rushTaskRows([step('power-safe', 'power', 30, 'power'), step('mobile', 'mobile', 90)], 'community', {
    projectId: 'p',
    timeZone: 'Asia/Shanghai',
    locationId: 'unit',
    cutLocationIds: ['building'],
    startAt,
    reportedAt,
    crewOf: (department) => (department === 'power' ? 'power-crew' : null),
    language: 'zh-CN',
  });

  it('makes one automatic task per step at the opening, with the on-duty crew and the cut', () => {
    expect(rows[0]).toMatchObject({
      stepKey: 'power-safe',
      row: {
        title: '【紧急抢修】power-safe',
        crewId: 'power-crew',
        plannedStart: startAt,
        plannedFinish: new Date('2026-10-27T06:37:00Z'),
        startDate: '2026-10-27',
        schedulingMode: SchedulingMode.Automatic,
        interruptionKind: 'power',
        interruptionLocationIds: ['building'],
      },
    });
    expect(rows[1].row).toMatchObject({ crewId: null, interruptionKind: null, interruptionLocationIds: [] });
  });

  it('adds the paperwork task, due 24 hours after the report', () => {
    const paperwork = rows.find((row) => row.stepKey === PAPERWORK_STEP);
    expect(paperwork?.row).toMatchObject({
      departmentId: 'community',
      title: '事故资料（24小时内完成）',
      constraintType: ConstraintType.FinishNoLaterThan,
      constraintAt: new Date('2026-10-28T06:00:00Z'),
    });
  });
});
