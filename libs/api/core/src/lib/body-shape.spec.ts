import { bodyShapeProblem } from './body-shape';

const LIMITS = { depth: 4, keys: 3, items: 5, values: 30 };
const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : { child: nested(levels - 1) });

describe('bodyShapeProblem', () => {
  it('accepts bodies within every limit, leaves of any kind included', () => {
    expect(bodyShapeProblem({ a: 1, b: [1, 2, null], c: { d: 'x' } }, LIMITS)).toBeNull();
    expect(bodyShapeProblem(nested(4), LIMITS)).toBeNull();
    expect(bodyShapeProblem('text', LIMITS)).toBeNull();
    expect(bodyShapeProblem(null, LIMITS)).toBeNull();
  });

  it('refuses nesting past the depth, in objects and lists alike', () => {
    expect(bodyShapeProblem(nested(5), LIMITS)).toEqual({ key: 'body_too_deep', limit: 4 });
    expect(bodyShapeProblem([[[[[1]]]]], LIMITS)).toEqual({ key: 'body_too_deep', limit: 4 });
  });

  it('refuses an object with too many fields at any level', () => {
    expect(bodyShapeProblem({ a: 1, b: 2, c: 3, d: 4 }, LIMITS)).toEqual({ key: 'body_too_many_keys', limit: 3 });
    expect(bodyShapeProblem({ a: { b: { w: 1, x: 2, y: 3, z: 4 } } }, LIMITS)).toEqual({
      key: 'body_too_many_keys',
      limit: 3,
    });
  });

  it('refuses a list with too many items at any level', () => {
    expect(bodyShapeProblem({ list: [1, 2, 3, 4, 5, 6] }, LIMITS)).toEqual({ key: 'body_too_many_items', limit: 5 });
  });

  it('refuses too many values in all, however they are spread', () => {
    const wide = { a: [1, 2, 3, 4, 5], b: [1, 2, 3, 4, 5], c: { x: [1, 2, 3, 4, 5], y: [1, 2, 3, 4, 5] } };
    expect(bodyShapeProblem({ ...wide, c: { ...wide.c, z: [1, 2, 3, 4, 5] } }, LIMITS)).toEqual({
      key: 'body_too_many_values',
      limit: 30,
    });
  });

  it('walks a body nested 100,000 levels deep without recursion', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(bodyShapeProblem(deep)).toEqual({ key: 'body_too_deep', limit: 32 });
  });

  it('stops at the first broken limit: 90,000 fields cost one short walk', () => {
    const wide = Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`k${i}`, i]));
    expect(bodyShapeProblem(wide)).toEqual({ key: 'body_too_many_keys', limit: 200 });
  });
});
