import { Actor } from './actor';

interface Entry {
  actor: Actor;
  /** Epoch ms after which the entry is not used (the TTL, or the session's own end if sooner). */
  until: number;
}

/**
 * The actors of live sessions this api process looked up lately, so that a request does not
 * ask PostgreSQL for its session again within `ttlMs`. Revocable: `forget(userId)` drops a
 * user's sessions at once — called after this process ended a session or changed an account,
 * and for every change PostgreSQL notifies (any process's, see ActorChangesListener). While
 * those notifications are not being received (`live` false) nothing is served from here.
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every forget: a lookup that ran across one is not kept (it may have read the old rows). */
  private changes = 0;
  private live = false;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** Whether entries are served (the change notifications are being received, and a TTL is set). */
  get serving(): boolean {
    return this.live && this.ttlMs > 0;
  }

  /** Notifications are received from now on (true), or no longer (false: everything is dropped). */
  setLive(live: boolean): void {
    this.live = live;
    this.forgetAll();
  }

  /** A copy of the session's actor (the request may change its copy), if known and fresh. */
  get(sessionId: string, userId: string, now = Date.now()): Actor | undefined {
    if (!this.serving) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.actor.id !== userId || now >= entry.until) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return copy(entry.actor);
  }

  /** The mark to take before looking a session up, and to give `put` with its result. */
  mark(): number {
    return this.changes;
  }

  /** Keeps what a lookup begun at `mark` found, unless something was forgotten meanwhile. */
  put(actor: Actor, sessionEndsAt: number, mark: number, now = Date.now()): void {
    if (!this.serving || mark !== this.changes) return;
    if (this.entries.size >= this.maxEntries) {
      // The oldest entry goes first (a Map keeps insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(actor.sessionId, { actor: copy(actor), until: Math.min(now + this.ttlMs, sessionEndsAt) });
  }

  /** Drops every session of the user (logout, password or account change, revocation). */
  forget(userId: string): void {
    this.changes++;
    for (const [sessionId, entry] of this.entries) {
      if (entry.actor.id === userId) this.entries.delete(sessionId);
    }
  }

  forgetAll(): void {
    this.changes++;
    this.entries.clear();
  }
}

function copy(actor: Actor): Actor {
  return { ...actor, crewIds: [...actor.crewIds], projectIds: [...actor.projectIds] };
}
