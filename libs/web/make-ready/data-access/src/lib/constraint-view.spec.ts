import { MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { lookAheadWeeks, sortConstraints } from './constraint-view';
import { LookAheadRowDto } from './make-ready.types';

const constraint = (over: Partial<MakeReadyConstraintDto>): MakeReadyConstraintDto => ({
  id: 'c',
  projectId: 'p',
  taskId: 't',
  kind: 'materials',
  description: '',
  ownerDepartmentId: null,
  ownerUserId: null,
  ownerName: null,
  dueDate: null,
  status: 'open',
  clearedAt: null,
  clearedByName: null,
  announcementId: null,
  version: 1,
  createdAt: '2026-12-01T00:00:00Z',
  ...over,
});

const row = (id: string, plannedStart: string, ready: boolean): LookAheadRowDto => ({
  task: {
    id,
    code: 1,
    name: id,
    plannedStart,
    plannedFinish: plannedStart,
    departmentId: 'd',
    crewId: null,
    locationId: null,
    status: 'planned',
  },
  ready,
  constraints: [],
});

describe('sortConstraints', () => {
  it('puts open ones first, then the earliest due date, undated last', () => {
    const sorted = sortConstraints([
      constraint({ id: 'cleared', status: 'cleared', dueDate: '2026-12-01' }),
      constraint({ id: 'undated' }),
      constraint({ id: 'late', dueDate: '2026-12-09' }),
      constraint({ id: 'soon', dueDate: '2026-12-03' }),
    ]);
    expect(sorted.map((c) => c.id)).toEqual(['soon', 'late', 'undated', 'cleared']);
  });
});

describe('lookAheadWeeks', () => {
  it('groups by the Monday week of the local start, earlier starts in the first week, empty weeks kept', () => {
    // 2026-12-07 is a Monday; 16:30 UTC on Sunday the 13th is already Monday the 14th in Shanghai.
    const weeks = lookAheadWeeks(
      [
        row('started-before', '2026-11-30T01:00:00Z', true),
        row('monday', '2026-12-07T01:00:00Z', false),
        row('sunday-utc', '2026-12-13T16:30:00Z', false),
        row('beyond', '2027-01-20T01:00:00Z', true),
      ],
      '2026-12-09',
      3,
      'Asia/Shanghai',
    );
    expect(weeks.map((w) => [w.weekStart, w.weekEnd])).toEqual([
      ['2026-12-07', '2026-12-13'],
      ['2026-12-14', '2026-12-20'],
      ['2026-12-21', '2026-12-27'],
    ]);
    expect(weeks[0].ready.map((r) => r.task.id)).toEqual(['started-before']);
    expect(weeks[0].notReady.map((r) => r.task.id)).toEqual(['monday']);
    expect(weeks[1].notReady.map((r) => r.task.id)).toEqual(['sunday-utc']);
    expect(weeks[2].ready).toEqual([]);
  });
});
