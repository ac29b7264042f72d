import { DependencyType } from '@worksite/shared-domain';
import { distanceToPolyline, hitLink, LINK_HIT_TOLERANCE } from './link-hit';
import { linkPoints } from './link-geometry';

describe('link hit-testing', () => {
  // FS from a bar ending at x=200 (row 0) to one starting at x=300 (row 2): M200,16 H208 V80 H300.
  const fs = {
    key: 'a>b:FS',
    points: linkPoints(DependencyType.FS, { x0: 100, x1: 200, y: 16 }, { x0: 300, x1: 400, y: 80 }, 32),
  };
  // SS from x=100 (row 1) to x=150 (row 3): M100,48 H92 V112 H150.
  const ss = {
    key: 'c>d:SS',
    points: linkPoints(DependencyType.SS, { x0: 100, x1: 180, y: 48 }, { x0: 150, x1: 220, y: 112 }, 32),
  };

  it('measures the distance to the nearest segment, ends included', () => {
    expect(fs.points).toEqual([200, 16, 208, 16, 208, 80, 300, 80]);
    expect(distanceToPolyline(fs.points, 250, 80)).toBe(0);
    expect(distanceToPolyline(fs.points, 211, 50)).toBe(3);
    expect(distanceToPolyline(fs.points, 250, 86)).toBe(6);
    expect(distanceToPolyline(fs.points, 304, 83)).toBe(5);
    expect(distanceToPolyline([10, 10], 13, 14)).toBe(Infinity);
  });

  it('picks the link under the pointer within a few pixels, else none', () => {
    expect(hitLink([fs, ss], 250, 82)?.key).toBe('a>b:FS');
    expect(hitLink([fs, ss], 95, 80)?.key).toBe('c>d:SS');
    expect(hitLink([fs, ss], 250, 82 + LINK_HIT_TOLERANCE)).toBeNull();
    expect(hitLink([fs, ss], 150, 30)).toBeNull();
    expect(hitLink([], 0, 0)).toBeNull();
  });

  it('takes the nearer of two close links, and the later one on a tie', () => {
    const below = { key: 'below', points: [200, 84, 300, 84] };
    expect(hitLink([fs, below], 250, 83)?.key).toBe('below');
    expect(hitLink([fs, below], 250, 81)?.key).toBe('a>b:FS');
    const same = { key: 'same', points: [...fs.points] };
    expect(hitLink([fs, same], 250, 80)?.key).toBe('same');
  });
});
