import { linksOfSelection } from './task-actions';

describe('linksOfSelection', () => {
  const links = [
    { predecessorId: 'a', successorId: 'b' },
    { predecessorId: 'b', successorId: 'c' },
    { predecessorId: 'x', successorId: 'y' },
  ];

  it('counts each link touching the selection once, and the selected tasks that have links', () => {
    expect(linksOfSelection(new Set(['a', 'b']), links)).toEqual({ tasks: 2, links: 2 });
    expect(linksOfSelection(new Set(['c']), links)).toEqual({ tasks: 1, links: 1 });
    expect(linksOfSelection(new Set(['z']), links)).toEqual({ tasks: 0, links: 0 });
  });
});
