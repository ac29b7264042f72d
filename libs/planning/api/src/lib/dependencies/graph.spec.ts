import { findPath } from './graph';

describe('findPath', () => {
  const edges = [
    { from: 'power', to: 'civil' },
    { from: 'civil', to: 'mobile' },
    { from: 'civil', to: 'telecom' },
    { from: 'telecom', to: 'appearance' },
  ];

  it('returns the shortest chain of tasks from start to goal', () => {
    expect(findPath(edges, 'power', 'appearance')).toEqual(['power', 'civil', 'telecom', 'appearance']);
  });

  it('returns the start alone when start is the goal', () => {
    expect(findPath(edges, 'civil', 'civil')).toEqual(['civil']);
  });

  it('returns undefined when the goal cannot be reached', () => {
    expect(findPath(edges, 'appearance', 'power')).toBeUndefined();
    expect(findPath(edges, 'mobile', 'telecom')).toBeUndefined();
  });
});
