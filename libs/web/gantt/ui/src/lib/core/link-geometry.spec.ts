import { DependencyType } from '@worksite/shared-domain';
import { linkAnchors, linkPath, linkPoints, linkTypeFor, pointsHitRect } from './link-geometry';

const pred = { x0: 100, x1: 200, y: 16 };
const succ = { x0: 300, x1: 400, y: 80 };

describe('link geometry', () => {
  it.each([
    [DependencyType.FS, 200, 300, 1, 1],
    [DependencyType.SS, 100, 300, -1, 1],
    [DependencyType.FF, 200, 400, 1, -1],
    [DependencyType.SF, 100, 400, -1, -1],
  ])('%s anchors at the right ends', (type, sx, tx, sOut, tIn) => {
    expect(linkAnchors(type, pred, succ)).toEqual({ sx, sy: 16, sOut, tx, ty: 80, tIn });
  });

  it('draws FS with one vertical run when the successor starts later', () => {
    expect(linkPath(DependencyType.FS, pred, succ, 32)).toBe('M200,16H208V80H300');
  });

  it('detours along the row boundary when the successor starts before the predecessor ends', () => {
    const early = { x0: 150, x1: 250, y: 80 };
    expect(linkPath(DependencyType.FS, pred, early, 32)).toBe('M200,16H208V32H142V80H150');
  });

  it('draws SS to the left of both starts and FF to the right of both finishes', () => {
    expect(linkPath(DependencyType.SS, pred, succ, 32)).toBe('M100,16H92V80H300');
    expect(linkPath(DependencyType.FF, pred, succ, 32)).toBe('M200,16H408V80H400');
  });

  it('draws SF into the successor finish from the right', () => {
    const before = { x0: 0, x1: 50, y: 80 };
    expect(linkPath(DependencyType.SF, pred, before, 32)).toBe('M100,16H92V80H50');
    expect(linkPath(DependencyType.SF, pred, succ, 32)).toBe('M100,16H92V32H408V80H400');
  });

  it('derives the type from the handles used', () => {
    expect(linkTypeFor(true, true)).toBe(DependencyType.FS);
    expect(linkTypeFor(false, true)).toBe(DependencyType.SS);
    expect(linkTypeFor(true, false)).toBe(DependencyType.FF);
    expect(linkTypeFor(false, false)).toBe(DependencyType.SF);
  });
});

describe('link hit test', () => {
  it('tells whether a polyline crosses a rectangle', () => {
    const points = linkPoints(DependencyType.FS, pred, succ, 32);
    expect(pointsHitRect(points, 205, 40, 215, 50)).toBe(true);
    expect(pointsHitRect(points, 220, 20, 290, 70)).toBe(false);
  });
});
