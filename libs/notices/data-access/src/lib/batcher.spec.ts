import { Batcher } from './batcher';

describe('Batcher', () => {
  it('serves the calls of one moment with one batch, and what comes meanwhile with the next', async () => {
    const batches: string[][] = [];
    let release: () => void = () => undefined;
    const batcher = new Batcher<string, string>(
      async (keys) => {
        batches.push(keys);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return new Map(keys.filter((key) => key !== 'none').map((key) => [key, key.toUpperCase()]));
      },
      3,
      1,
    );
    const first = ['a', 'b', 'a'].map((key) => batcher.load(key));
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['c', 'd', 'none', 'e'].map((key) => batcher.load(key));
    release();
    expect(await Promise.all([...first, ...later])).toEqual(['A', 'B', 'A', 'C', 'D', undefined, 'E']);
    expect(batches).toEqual([['a', 'b'], ['c', 'd', 'none'], ['e']]);
  });

  it('fails every call of a failed batch, and goes on with the next', async () => {
    let fail = true;
    const batcher = new Batcher<number, number>(async (keys) => {
      if (fail) throw new Error('database down');
      return new Map(keys.map((key) => [key, key * 2]));
    });
    await expect(Promise.all([batcher.load(1), batcher.load(2)])).rejects.toThrow('database down');
    fail = false;
    expect(await batcher.load(3)).toBe(6);
  });
});
