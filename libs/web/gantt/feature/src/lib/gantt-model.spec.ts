import { WorkingCalendar } from '@worksite/scheduling-engine';
import { ConflictDto } from '@worksite/shared-domain';
import { calendarSpecOf } from '@worksite/web-planning-data-access';
import { at, refsFixture, scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { buildBars, buildGroups, buildLinks, conflictNotes } from './gantt-model';
import { calendarShading, chartRange } from './gantt-shading';

const fallbacks = { noCrew: '无班组', noLocation: '无地点', unknown: '?' };

describe('Gantt model', () => {
  const schedule = scheduleFixture();
  const refs = refsFixture();

  it('groups one row per task by department, crew or compound, groups in pinyin order', () => {
    const byDepartment = buildGroups(schedule.tasks, refs, 'department', fallbacks);
    expect(byDepartment.map((g) => [g.label, g.rows.map((r) => r.id)])).toEqual([
      ['电力公司', ['A']],
      ['市容', ['C']],
      ['中国移动', ['B']],
    ]);
    expect(byDepartment.find((g) => g.label === '电力公司')?.rows[0].detail).toBe('八经小区 › 32号楼');

    const byCrew = buildGroups(schedule.tasks, refs, 'crew', fallbacks);
    expect(byCrew.map((g) => g.label)).toEqual(expect.arrayContaining(['电力一班（王建国）', '无班组']));

    const byLocation = buildGroups(schedule.tasks, refs, 'location', fallbacks);
    expect(byLocation.map((g) => [g.label, g.rows.length])).toEqual([
      ['八经小区', 2],
      ['无地点', 1],
    ]);
  });

  it('draws bars at the planned dates, coloured by department, with critical, pinned and conflict marks', () => {
    const notes = conflictNotes(
      [{ key: 'k', kind: 'location-clash', taskIds: ['A', 'B'] } as ConflictDto],
      () => '同一地点',
    );
    const bars = buildBars(schedule.tasks, refs, notes);
    const a = bars.find((b) => b.id === 'A');
    expect(a).toMatchObject({
      start: Date.parse(at('2026-03-02T08:00')),
      finish: Date.parse(at('2026-03-02T12:00')),
      color: '#f08c00',
      critical: true,
      hasConflict: true,
      conflictNote: '同一地点',
    });
    expect(bars.find((b) => b.id === 'C')).toMatchObject({ manual: true, hasConflict: false });
  });

  it('draws the dependencies, critical when both ends are', () => {
    expect(buildLinks(schedule)).toEqual([
      { id: 'l1', predecessorId: 'A', successorId: 'B', type: 'FS', critical: true },
    ]);
  });

  it('shades nights and breaks, the holiday and the blackout window', () => {
    const spec = calendarSpecOf(schedule);
    const range = { start: Date.parse(at('2026-03-02T00:00')), finish: Date.parse(at('2026-03-07T00:00')) };
    const shading = calendarShading(WorkingCalendar.compile(spec), spec, range, '节假日');
    expect(shading.find((s) => s.kind === 'blackout')).toMatchObject({
      start: Date.parse(at('2026-03-04T08:00')),
      finish: Date.parse(at('2026-03-04T12:00')),
      label: '中考',
    });
    expect(shading.find((s) => s.kind === 'holiday')).toMatchObject({
      start: Date.parse(at('2026-03-06T00:00')),
      label: '节假日 2026-03-06',
    });
    expect(shading).toContainEqual({
      kind: 'non-working',
      start: Date.parse(at('2026-03-02T12:00')),
      finish: Date.parse(at('2026-03-02T14:00')),
    });
  });

  it('spans the tasks with room before and after', () => {
    const now = Date.parse(at('2026-03-02T10:00'));
    const range = chartRange([now], [now + 3_600_000], now);
    expect(range.start).toBeLessThan(now - 6 * 86_400_000);
    expect(range.finish - range.start).toBeGreaterThanOrEqual(37 * 86_400_000);
  });
});
