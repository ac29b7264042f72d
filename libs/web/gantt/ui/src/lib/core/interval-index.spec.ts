import { BarIndex } from './bar-index';
import { IntervalIndex } from './interval-index';
import { TaskStatus } from '@worksite/shared-domain';

function lcg(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('IntervalIndex', () => {
  it('finds exactly the intervals intersecting a window (against brute force)', () => {
    const rnd = lcg(7);
    const items = Array.from({ length: 2000 }, (_, i) => {
      const start = Math.floor(rnd() * 100_000);
      return { id: i, start, finish: start + Math.floor(rnd() < 0.1 ? rnd() * 20_000 : rnd() * 500) };
    });
    const index = new IntervalIndex(items);
    for (let q = 0; q < 50; q++) {
      const t0 = Math.floor(rnd() * 100_000);
      const t1 = t0 + Math.floor(rnd() * 5000);
      const expected = items
        .filter((i) => i.finish >= t0 && i.start <= t1)
        .map((i) => i.id)
        .sort((a, b) => a - b);
      const actual = index
        .query(t0, t1)
        .map((i) => i.id)
        .sort((a, b) => a - b);
      expect(actual).toEqual(expected);
    }
  });

  it('includes zero-length intervals on the window edges', () => {
    const index = new IntervalIndex([{ start: 10, finish: 10 }]);
    expect(index.query(10, 20)).toHaveLength(1);
    expect(index.query(0, 10)).toHaveLength(1);
    expect(index.query(11, 20)).toHaveLength(0);
  });
});

describe('BarIndex', () => {
  const bar = (id: string, rowId: string, start: number, finish: number) => ({
    id,
    rowId,
    start,
    finish,
    label: id,
    status: TaskStatus.Planned,
  });

  it('indexes bars by id and by row in start order', () => {
    const index = new BarIndex([bar('b', 'r1', 50, 60), bar('a', 'r1', 10, 20), bar('c', 'r2', 0, 100)]);
    expect(index.byId.get('c')?.rowId).toBe('r2');
    expect(index.rowBars('r1').map((b) => b.id)).toEqual(['a', 'b']);
    expect(index.inRow('r1', 15, 40).map((b) => b.id)).toEqual(['a']);
    expect(index.inRow('nope', 0, 100)).toEqual([]);
  });
});
