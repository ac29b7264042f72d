import { isAcyclic } from './acyclic';

describe('isAcyclic', () => {
  it('accepts a diamond and rejects a cycle', () => {
    const diamond = [
      { predecessor: 'a', successor: 'b' },
      { predecessor: 'a', successor: 'c' },
      { predecessor: 'b', successor: 'd' },
      { predecessor: 'c', successor: 'd' },
    ];
    expect(isAcyclic(['a', 'b', 'c', 'd'], diamond)).toBe(true);
    expect(isAcyclic(['a', 'b', 'c', 'd'], [...diamond, { predecessor: 'd', successor: 'a' }])).toBe(false);
  });
});
