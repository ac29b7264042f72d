import { SchedulingMode } from '@worksite/shared-domain';
import { linkIndex, reachedFrom, samePositions, taskPositions } from './network-index';
import { NetworkLink, NetworkTask } from './project-network';
import { partBefore } from './project-network.service';

/** A network of `count` tasks with links from each to a few later ones (a seeded shuffle of ids). */
function network(count: number, seed: number): { tasks: NetworkTask[]; links: NetworkLink[] } {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const tasks = Array.from(
    { length: count },
    (_, i) => ({ id: `t${i}`, schedulingMode: SchedulingMode.Automatic }) as unknown as NetworkTask,
  );
  const links: NetworkLink[] = [];
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < 2; k++) {
      const to = i + 1 + Math.floor(next() * 5);
      if (to < count) links.push({ id: `l${links.length}`, predecessorId: `t${i}`, successorId: `t${to}` } as NetworkLink);
    }
  }
  // The links in another order than their predecessors' (as created over time).
  links.sort(() => next() - 0.5);
  return { tasks: tasks.sort(() => next() - 0.5), links };
}

describe('network index', () => {
  it('takes the same part before a downstream as a scan of the whole network, in its order', () => {
    const whole = network(300, 7);
    const index = { taskAt: taskPositions(whole.tasks), ...linkIndex(whole.links) };
    for (const origin of ['t0', 't150', 't290', 't299']) {
      const downstream = reachedFrom(index.successors, [origin]);
      const scanned = partBefore(whole, downstream);
      const indexed = partBefore(whole, downstream, index);
      expect(indexed).toEqual(scanned);
      expect(indexed.tasks.length).toBeGreaterThan(0);
      // Tasks before the downstream are pinned (manual), the downstream ones left as they are.
      for (const task of indexed.tasks) {
        expect(task.schedulingMode).toBe(downstream.has(task.id) ? SchedulingMode.Automatic : SchedulingMode.Manual);
      }
    }
  });

  it('reaches every task that follows an origin through links, and no other', () => {
    const links = [
      { predecessorId: 'a', successorId: 'b' },
      { predecessorId: 'b', successorId: 'c' },
      { predecessorId: 'a', successorId: 'c' },
      { predecessorId: 'x', successorId: 'a' },
      { predecessorId: 'c', successorId: 'd' },
    ] as NetworkLink[];
    const { successors, linksInto } = linkIndex(links);
    expect([...reachedFrom(successors, ['b'])].sort()).toEqual(['b', 'c', 'd']);
    expect([...reachedFrom(successors, ['a', 'x'])].sort()).toEqual(['a', 'b', 'c', 'd', 'x']);
    expect(linksInto.get('c')).toEqual([1, 2]);
    expect(linksInto.get('x')).toBeUndefined();
  });

  it('says whether a position index serves another list of tasks', () => {
    const tasks = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(samePositions(tasks, tasks.map((task) => ({ ...task })))).toBe(true);
    expect(samePositions(tasks, [tasks[1], tasks[0], tasks[2]])).toBe(false);
    expect(samePositions(tasks, tasks.slice(1))).toBe(false);
    expect(taskPositions(tasks).get('c')).toBe(2);
  });
});
