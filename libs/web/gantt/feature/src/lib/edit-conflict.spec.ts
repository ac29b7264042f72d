import { TaskDto } from '@worksite/shared-domain';
import { ReferenceMaps } from '@worksite/web-planning-data-access';
import { editClashes, sayValue } from './edit-conflict';

const refs = {
  departments: new Map(),
  crews: new Map([
    ['c1', { id: 'c1', name: '电缆一班', departmentId: 'd' }],
    ['c2', { id: 'c2', name: '光缆一班', departmentId: 'd' }],
  ]),
  locations: new Map([['l1', { id: 'l1', name: '和平新村', kind: 'compound', parentId: null }]]),
} as unknown as ReferenceMaps;

const base = {
  id: 't',
  version: 3,
  title: '电缆敷设',
  content: '',
  crewId: 'c1',
  locationId: null,
  plannedStart: '2026-11-02T00:00:00.000Z',
  plannedFinish: '2026-11-02T04:00:00.000Z',
  status: 'planned',
  progress: 0,
  materials: [],
  tools: ['电缆盘支架'],
  safetyNotes: '',
} as unknown as TaskDto;

const say = sayValue(refs, 'Asia/Shanghai', (status) => `status.${status}`);

describe('editClashes', () => {
  it("lists the other person's changes first, their value against mine, in words", () => {
    const fresh = { ...base, version: 4, crewId: 'c2', plannedStart: '2026-11-03T00:00:00.000Z', locationId: 'l1' };
    const mine = {
      crewId: 'c1',
      title: '电缆敷设（北段）',
      plannedStart: '2026-11-02T06:00:00.000Z',
    } as Partial<TaskDto>;
    // crewId unchanged by me (I typed the old value) still shows: they changed it, I want it back.
    expect(editClashes(base, fresh, mine, say)).toEqual([
      { field: 'crewId', theirs: '光缆一班', mine: '电缆一班', theyChanged: true },
      { field: 'locationId', theirs: '和平新村', mine: null, theyChanged: true },
      { field: 'plannedStart', theirs: '2026-11-03 08:00', mine: '2026-11-02 14:00', theyChanged: true },
      { field: 'title', theirs: '电缆敷设', mine: '电缆敷设（北段）', theyChanged: false },
    ]);
  });

  it('leaves out a field where I typed what they saved', () => {
    const fresh = { ...base, version: 4, status: 'ready' };
    expect(editClashes(base, fresh, { status: 'ready' } as Partial<TaskDto>, say)).toEqual([]);
  });

  it('says lists, materials, statuses and nothing in words', () => {
    expect(say('tools', ['电缆盘支架', '发电机'])).toBe('电缆盘支架、发电机');
    expect(say('materials', [{ name: '光缆', quantity: 120, unit: 'm' }])).toBe('光缆 120 m');
    expect(say('status', 'in_progress')).toBe('status.in_progress');
    expect(say('safetyNotes', '')).toBe('—');
    expect(say('crewId', 'gone')).toBe('gone');
  });
});
