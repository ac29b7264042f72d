import { signal } from '@angular/core';
import { ConflictDto, LocationKind } from '@worksite/shared-domain';
import { at, refsFixture, taskFixture } from '@worksite/web-planning-data-access/testing';
import { buildFilterIndex, EMPTY_FILTER, filterTasks, GanttFilter, isEmptyFilter, NO_CREW } from './gantt-filter';
import { filterFromParams, filterToParams } from './gantt-filter-url';
import { GanttFiltering } from './gantt-filtering';

const refs = refsFixture();
// A second compound with a building and a unit, so "inside" is two levels deep.
const locations = new Map(refs.locations);
locations.set('hp', { id: 'hp', kind: LocationKind.Compound, name: '和平小区', parentId: null });
locations.set('hp1', { id: 'hp1', kind: LocationKind.Building, name: '1号楼', parentId: 'hp' });
locations.set('hp1u2', { id: 'hp1u2', kind: LocationKind.Unit, name: '2单元', parentId: 'hp1' });
const maps = { ...refs, locations };

const tasks = [
  taskFixture('A', { code: 1, title: '电力入地', critical: true }),
  taskFixture('B', {
    code: 2,
    title: '移动迁改',
    departmentId: 'mobile',
    crewId: 'crew-mobile',
    locationId: 'hp1u2',
    status: 'in_progress',
    plannedStart: at('2026-03-04T08:00'),
    plannedFinish: at('2026-03-05T12:00'),
  }),
  taskFixture('C', {
    code: 3,
    title: '市容恢复',
    departmentId: 'city',
    crewId: null,
    locationId: null,
    critical: true,
    scheduledAs: 'excluded',
    plannedStart: at('2026-03-09T08:00'),
    plannedFinish: at('2026-03-09T12:00'),
  }),
];
const index = buildFilterIndex(tasks, maps);
const ctx = { index, openConflictTasks: new Set(['B']), timeZone: 'Asia/Shanghai' };
const ids = (filter: Partial<GanttFilter>) => filterTasks(tasks, { ...EMPTY_FILTER, ...filter }, ctx).map((t) => t.id);

describe('Gantt filter', () => {
  it('lets everything through when nothing is set (the same array, no copy)', () => {
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(filterTasks(tasks, EMPTY_FILTER, ctx)).toBe(tasks);
  });

  it('searches title, crew, leader, department and location names; every word must match', () => {
    expect(ids({ text: '入地' })).toEqual(['A']);
    expect(ids({ text: '移动一班' })).toEqual(['B']);
    expect(ids({ text: '王建国' })).toEqual(['A']);
    expect(ids({ text: '市容' })).toEqual(['C']);
    expect(ids({ text: '和平 2单元' })).toEqual(['B']);
    expect(ids({ text: '和平 入地' })).toEqual([]);
    expect(ids({ text: '  ' })).toEqual(['A', 'B', 'C']);
  });

  it('finds a task by its number ("2" or "#2") exactly, and numbers inside names as text', () => {
    expect(ids({ text: '#2' })).toEqual(['B']);
    // B by its number, A by the "2" of 32号楼.
    expect(ids({ text: '2' })).toEqual(['A', 'B']);
    expect(ids({ text: '#1' })).toEqual(['A']);
    expect(ids({ text: '32' })).toEqual(['A']);
    expect(ids({ text: '#32' })).toEqual([]);
  });

  it('narrows by department, crew (or none), status; lists match any of their values', () => {
    expect(ids({ departments: ['power', 'city'] })).toEqual(['A', 'C']);
    expect(ids({ crews: ['crew-mobile'] })).toEqual(['B']);
    expect(ids({ crews: [NO_CREW] })).toEqual(['C']);
    expect(ids({ statuses: ['in_progress'] })).toEqual(['B']);
    expect(ids({ departments: ['power'], crews: ['crew-mobile'] })).toEqual([]);
  });

  it('takes a compound with everything inside it (buildings, units)', () => {
    expect(ids({ compounds: ['hp'] })).toEqual(['B']);
    expect(ids({ compounds: ['bj'] })).toEqual(['A']);
    expect(ids({ compounds: ['hp1'] })).toEqual(['B']);
    expect(ids({ compounds: ['bj', 'hp'] })).toEqual(['A', 'B']);
  });

  it('keeps critical tasks (not the excluded ones) and tasks in clashes that still count', () => {
    expect(ids({ critical: true })).toEqual(['A']);
    expect(ids({ conflicts: true })).toEqual(['B']);
  });

  it('keeps tasks overlapping the local days from..to, both inclusive', () => {
    expect(ids({ from: '2026-03-03', to: '2026-03-04' })).toEqual(['B']);
    expect(ids({ from: '2026-03-05' })).toEqual(['B', 'C']);
    expect(ids({ to: '2026-03-02' })).toEqual(['A']);
    expect(ids({ from: '2026-03-06', to: '2026-03-08' })).toEqual([]);
    // A task ending at midnight does not reach into the next day.
    const night = [taskFixture('N', { plannedStart: at('2026-03-02T20:00'), plannedFinish: at('2026-03-03T00:00') })];
    const nightCtx = { ...ctx, index: buildFilterIndex(night, maps) };
    expect(filterTasks(night, { ...EMPTY_FILTER, from: '2026-03-03' }, nightCtx)).toEqual([]);
    expect(filterTasks(night, { ...EMPTY_FILTER, from: '2026-03-02' }, nightCtx).length).toBe(1);
  });
});

describe('Gantt filter in the URL', () => {
  const params = (query: string) => {
    const search = new URLSearchParams(query);
    return filterFromParams((name) => search.get(name));
  };

  it('writes only what is set and reads back the same filter', () => {
    const filter: GanttFilter = {
      text: '电缆 32号楼',
      departments: ['power'],
      crews: ['crew-power', NO_CREW],
      compounds: ['bj'],
      statuses: ['planned', 'blocked'],
      critical: true,
      conflicts: true,
      from: '2026-03-01',
      to: '2026-03-31',
    };
    const written = filterToParams(filter);
    expect(written).toEqual({
      q: '电缆 32号楼',
      dept: 'power',
      crew: 'crew-power,none',
      site: 'bj',
      status: 'planned,blocked',
      critical: '1',
      conflicts: '1',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    const query = new URLSearchParams(
      Object.entries(written).filter((e): e is [string, string] => e[1] !== null),
    ).toString();
    expect(params(query)).toEqual(filter);
    expect(Object.values(filterToParams(EMPTY_FILTER)).every((v) => v === null)).toBe(true);
    expect(params('')).toEqual(EMPTY_FILTER);
  });

  it('drops what it cannot read: bad dates, unknown statuses, empty items; swaps a reversed range', () => {
    expect(params('from=2026-13-40&to=yesterday&status=planned,nonsense&crew=,a,,a&critical=yes')).toEqual({
      ...EMPTY_FILTER,
      statuses: ['planned'],
      crews: ['a'],
    });
    expect(params('from=2026-03-10&to=2026-03-01')).toMatchObject({ from: '2026-03-01', to: '2026-03-10' });
  });
});

describe('GanttFiltering', () => {
  it('narrows the store tasks, counting only open and escalated clashes', () => {
    const conflicts = signal<ConflictDto[]>([
      { key: 'k1', kind: 'location-clash', taskIds: ['A', 'C'], state: 'accepted' } as ConflictDto,
      { key: 'k2', kind: 'location-clash', taskIds: ['B'], state: 'escalated' } as ConflictDto,
    ]);
    const filtering = new GanttFiltering({
      tasks: signal([...tasks].reverse()),
      refs: signal(maps),
      conflicts,
      timeZone: signal('Asia/Shanghai'),
    });
    expect(filtering.tasks()).toEqual(tasks);
    filtering.set({ conflicts: true });
    expect(filtering.tasks().map((t) => t.id)).toEqual(['B']);
    expect(filtering.active()).toBe(true);
    conflicts.set([{ key: 'k1', kind: 'location-clash', taskIds: ['A'] } as ConflictDto]);
    expect([...filtering.taskIds()]).toEqual(['A']);
    filtering.clear();
    expect(filtering.active()).toBe(false);
    // By start, whatever order the schedule came in.
    expect(filtering.tasks()).toEqual(tasks);
  });
});
