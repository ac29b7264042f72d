import { DependencyType } from '@worksite/shared-domain';
import { barLines, LinkIndex, linkEndPositions } from './link-index';

describe('LinkIndex', () => {
  it('returns each link whose line span meets the window once (against brute force)', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const lineOf = new Map<string, number>();
    for (let i = 0; i < 3000; i++) lineOf.set(`t${i}`, i);
    const links = Array.from({ length: 5000 }, () => {
      const a = Math.floor(rnd() * 3000);
      const b = Math.min(2999, a + Math.floor(rnd() < 0.9 ? rnd() * 30 : rnd() * 2000));
      return { predecessorId: `t${b}`, successorId: `t${a}`, type: DependencyType.FS };
    });
    const index = new LinkIndex(links, (id) => lineOf.get(id));
    for (let q = 0; q < 30; q++) {
      const first = Math.floor(rnd() * 3000);
      const last = first + Math.floor(rnd() * 60);
      const expected = links.filter((l) => {
        const a = lineOf.get(l.predecessorId) as number;
        const b = lineOf.get(l.successorId) as number;
        return Math.max(a, b) >= first && Math.min(a, b) <= last;
      });
      const actual = index.query(first, last);
      expect(actual.length).toBe(expected.length);
      expect(new Set(actual)).toEqual(new Set(expected));
    }
  });

  it('leaves out links with an end on a hidden line', () => {
    const index = new LinkIndex([{ predecessorId: 'a', successorId: 'hidden', type: DependencyType.FS }], (id) =>
      id === 'a' ? 0 : undefined,
    );
    expect(index.size).toBe(0);
    expect(index.query(0, 100)).toEqual([]);
  });

  it('answers from bar positions and bar lines as from the maps', () => {
    const bars = ['a', 'b', 'c', 'd'].map((id) => ({ id, rowId: `row-${id}` }));
    const links = [
      { predecessorId: 'a', successorId: 'b', type: DependencyType.FS },
      { predecessorId: 'b', successorId: 'x', type: DependencyType.FS },
      { predecessorId: 'c', successorId: 'd', type: DependencyType.SS },
      { predecessorId: 'd', successorId: 'a', type: DependencyType.FF },
    ];
    const ends = linkEndPositions(links, bars);
    expect([...ends]).toEqual([0, 1, 1, -1, 2, 3, 3, 0]);
    // Row c is hidden (filtered out or collapsed).
    const lines = barLines(
      bars,
      new Map([
        ['row-a', 1],
        ['row-b', 2],
        ['row-d', 5],
      ]),
    );
    expect([...lines]).toEqual([1, 2, -1, 5]);
    const index = new LinkIndex(links, (_, end) =>
      (lines[ends[end]] ?? -1) < 0 || ends[end] < 0 ? undefined : lines[ends[end]],
    );
    expect(index.size).toBe(2);
    expect(index.query(0, 10).map((l) => `${l.predecessorId}>${l.successorId}`)).toEqual(['a>b', 'd>a']);
  });
});
