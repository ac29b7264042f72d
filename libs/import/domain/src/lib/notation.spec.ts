import { DependencyType } from '@worksite/shared-domain';
import { findCycles } from './cycles';
import { startingMapping } from './import-contracts';
import { guessColumnMapping } from './import-fields';
import { parseLocalDateTime } from './local-date-time';
import { formatLag, parseWorkingMinutes, splitPredecessors } from './notation';

describe('import notation', () => {
  it('reads durations in working time: 天, 小时, d, h, w, bare days', () => {
    expect(parseWorkingMinutes('3天', 480)).toEqual({ ok: true, minutes: 1440 });
    expect(parseWorkingMinutes('4小时', 480)).toEqual({ ok: true, minutes: 240 });
    expect(parseWorkingMinutes('2d', 480)).toEqual({ ok: true, minutes: 960 });
    expect(parseWorkingMinutes('0.5 d', 480)).toEqual({ ok: true, minutes: 240 });
    expect(parseWorkingMinutes('半天', 480)).toEqual({ ok: true, minutes: 240 });
    expect(parseWorkingMinutes('0', 480)).toEqual({ ok: true, minutes: 0 });
    expect(parseWorkingMinutes(1.5, 480)).toEqual({ ok: true, minutes: 720 });
    expect(parseWorkingMinutes('30分钟', 480)).toEqual({ ok: true, minutes: 30 });
    expect(parseWorkingMinutes('三天', 480)).toEqual({ ok: true, minutes: 1440 });
    expect(parseWorkingMinutes('很久', 480)).toEqual({ ok: false, reason: 'format' });
    expect(parseWorkingMinutes('-2d', 480)).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses elapsed and percentage lags with their own reason', () => {
    expect(parseWorkingMinutes('+3ed', 480, true)).toEqual({ ok: false, reason: 'elapsed' });
    expect(parseWorkingMinutes('2日历天', 480, true)).toEqual({ ok: false, reason: 'elapsed' });
    expect(parseWorkingMinutes('50%', 480, true)).toEqual({ ok: false, reason: 'percent' });
    expect(parseWorkingMinutes('-4h', 480, true)).toEqual({ ok: true, minutes: -240 });
  });

  it('splits predecessor lists: "12FS+2d; 15SS, 16"', () => {
    expect(splitPredecessors('12FS+2d; 15SS，16')).toEqual([
      { text: '12FS+2d', code: '12', type: DependencyType.FS, lag: '+2d' },
      { text: '15SS', code: '15', type: DependencyType.SS, lag: null },
      { text: '16', code: '16', type: DependencyType.FS, lag: null },
    ]);
    expect(splitPredecessors('A-1 ff -4h')[0]).toMatchObject({ code: 'A-1', type: 'FF', lag: '-4h' });
    expect(splitPredecessors('A-1', (code) => code === 'A-1')[0]).toMatchObject({ code: 'A-1', lag: null });
    expect(formatLag(960, 480)).toBe('+2d');
    expect(formatLag(-90, 480)).toBe('-90m');
  });

  it('reads dates as text, Excel serials and Date cells in the project zone', () => {
    const at = (value: unknown) => parseLocalDateTime(value, 'Asia/Shanghai');
    const eight = Date.parse('2026-12-04T08:00:00+08:00');
    expect(at('2026-12-04 08:00')).toEqual({ instant: eight, dateOnly: false });
    expect(at('2026/12/4 8:00')).toEqual({ instant: eight, dateOnly: false });
    expect(at('2026年12月4日')).toEqual({ instant: Date.parse('2026-12-04T00:00:00+08:00'), dateOnly: true });
    expect(at(46360 + 8 / 24)).toEqual({ instant: eight, dateOnly: false });
    expect(at(new Date(Date.UTC(2026, 11, 4, 8, 0)))).toEqual({ instant: eight, dateOnly: false });
    expect(at('2026-12-04T00:00:00Z')).toEqual({ instant: Date.parse('2026-12-04T00:00:00Z'), dateOnly: false });
    expect(at('2026-13-45 08:00')).toBeNull();
    expect(at('明天')).toBeNull();
  });

  it('finds each cycle of a graph, named in link order', () => {
    const cycles = findCycles(
      [],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
        { from: 'c', to: 'd' },
        { from: 'e', to: 'e' },
      ],
    );
    expect(cycles.map((cycle) => [...cycle].sort().join())).toEqual(expect.arrayContaining(['a,b,c', 'e']));
    expect(cycles).toHaveLength(2);
    // A long chain: no recursion.
    const chain = Array.from({ length: 50_000 }, (_, i) => ({ from: `n${i}`, to: `n${i + 1}` }));
    expect(findCycles([], chain)).toEqual([]);
  });

  it('guesses the columns of a sheet from its headers', () => {
    expect(guessColumnMapping(['序号', '工作内容', '施工班组', '开始时间', '工期', 'Predecessors', '备注'])).toEqual({
      序号: 'code',
      工作内容: 'title',
      施工班组: 'crew',
      开始时间: 'start',
      工期: 'duration',
      Predecessors: 'predecessors',
    });
  });
});

describe('starting column mapping', () => {
  it('takes the remembered mapping for headers the sheet still has, then the guess, each field once', () => {
    expect(
      startingMapping(
        ['序号', '名称', '班', '开始'],
        { 序号: 'code', 旧列: 'title', 班: 'crew' },
        {
          序号: 'code',
          名称: 'title',
          开始: 'start',
          班: 'department',
        },
      ),
    ).toEqual({ 序号: 'code', 班: 'crew', 名称: 'title', 开始: 'start' });
  });
});
