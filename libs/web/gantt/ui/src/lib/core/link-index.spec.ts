import { DependencyType } from '@worksite/shared-domain';
import { LinkIndex } from './link-index';

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
});
