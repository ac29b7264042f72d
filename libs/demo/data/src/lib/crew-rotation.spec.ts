import { assignCrews } from './crew-rotation';

const job = (group: string, start: number, finish: number) => ({
  group,
  pool: ['A', 'B'],
  intervals: [{ start, finish }],
});

describe('assignCrews', () => {
  it('gives overlapping jobs different crews and reuses a crew once it is free', () => {
    const crews = assignCrews([job('1', 0, 10), job('2', 5, 15), job('3', 10, 20)]);
    expect(crews.get('1')).not.toBe(crews.get('2'));
    expect(crews.get('3')).toBe(crews.get('1'));
  });

  it('double-books the least overlapping crew when all are busy', () => {
    const crews = assignCrews([job('1', 0, 10), job('2', 0, 4), job('3', 3, 6)]);
    expect(crews.get('3')).toBe(crews.get('2'));
  });

  it('does not depend on the order of the input', () => {
    const jobs = [job('1', 0, 10), job('2', 5, 15), job('3', 10, 20)];
    expect(assignCrews([...jobs].reverse())).toEqual(assignCrews(jobs));
  });

  it('leaves a job with an empty pool unassigned', () => {
    expect(assignCrews([{ group: 'x', pool: [], intervals: [{ start: 0, finish: 1 }] }]).size).toBe(0);
  });
});
