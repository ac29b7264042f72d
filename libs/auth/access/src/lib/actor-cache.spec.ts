import { Role } from '@worksite/shared-domain';
import { testActor } from '../testing/test-actor';
import { ActorCache } from './actor-cache';

describe('ActorCache', () => {
  const actor = { ...testActor(Role.Coordinator, { projectIds: ['p1'] }), sessionId: 's1' };
  const far = Date.now() + 86_400_000;
  const live = (ttlMs = 10_000) => {
    const cache = new ActorCache(ttlMs);
    cache.setLive(true);
    return cache;
  };

  it('serves a session for the TTL, never past the session’s own end, and only to its user', () => {
    const cache = live();
    cache.put(actor, far, cache.mark(), 1_000);
    expect(cache.get('s1', actor.id, 1_000 + 9_999)).toEqual(actor);
    expect(cache.get('s1', 'someone-else', 1_000)).toBeUndefined();
    cache.put(actor, far, cache.mark(), 1_000);
    expect(cache.get('s1', actor.id, 1_000 + 10_000)).toBeUndefined();
    cache.put(actor, 1_500, cache.mark(), 1_000);
    expect(cache.get('s1', actor.id, 1_499)).toBeDefined();
    expect(cache.get('s1', actor.id, 1_500)).toBeUndefined();
  });

  it('gives each request its own copy', () => {
    const cache = live();
    cache.put(actor, far, cache.mark());
    cache.get('s1', actor.id)?.projectIds.push('p2');
    expect(cache.get('s1', actor.id)?.projectIds).toEqual(['p1']);
  });

  it('forgets every session of a user, and keeps no lookup that ran across a forget', () => {
    const cache = live();
    const other = { ...actor, id: 'u2', sessionId: 's3' };
    cache.put(actor, far, cache.mark());
    cache.put({ ...actor, sessionId: 's2' }, far, cache.mark());
    cache.put(other, far, cache.mark());
    const mark = cache.mark();
    cache.forget(actor.id);
    expect(cache.get('s1', actor.id)).toBeUndefined();
    expect(cache.get('s2', actor.id)).toBeUndefined();
    expect(cache.get('s3', 'u2')).toEqual(other);
    // A lookup that began before the forget may have read the old rows: not kept.
    cache.put(actor, far, mark);
    expect(cache.get('s1', actor.id)).toBeUndefined();
  });

  it('serves nothing while not live or without a TTL, and drops everything when it stops being live', () => {
    const cache = live();
    cache.put(actor, far, cache.mark());
    cache.setLive(false);
    expect(cache.get('s1', actor.id)).toBeUndefined();
    cache.put(actor, far, cache.mark());
    expect(cache.get('s1', actor.id)).toBeUndefined();
    cache.setLive(true);
    expect(cache.get('s1', actor.id)).toBeUndefined();
    const off = live(0);
    off.put(actor, far, off.mark());
    expect(off.get('s1', actor.id)).toBeUndefined();
  });

  it('keeps at most its limit of sessions, dropping the oldest', () => {
    const cache = new ActorCache(10_000, 2);
    cache.setLive(true);
    for (const sessionId of ['a', 'b', 'c']) cache.put({ ...actor, sessionId }, far, cache.mark());
    expect(cache.get('a', actor.id)).toBeUndefined();
    expect(cache.get('b', actor.id)).toBeDefined();
    expect(cache.get('c', actor.id)).toBeDefined();
  });
});
