/**
 * The kinds of clash the conflict detection reports, in the order the web app lists them.
 * One list for the engine (which detects them), the api (which documents them) and the web
 * app (which names them).
 */
export const CONFLICT_KINDS = [
  /** Different crews at the same location (or one containing the other) at overlapping times. */
  'location-clash',
  /** One crew on two tasks at overlapping times. */
  'crew-double-booking',
  /** A pinned task starts/finishes before one of its dependencies allows. */
  'dependency-violation',
  /** A pinned task misses its constraint, or a task finishes after its finish-no-later-than. */
  'constraint-violation',
  /** Work inside a blackout window. */
  'blackout',
  /** A task starting or finishing outside the working windows. */
  'outside-working-time',
  /** A cut overlapping other work, at the cut locations or inside them, that needs the utility. */
  'utility-interruption',
  /**
   * A planned cut whose residents were not told in time: its announcement was posted after the
   * lead time (power: 7 days), is still not posted past it, or told other times (the cut moved).
   */
  'announcement-late',
] as const;

export type ConflictKind = (typeof CONFLICT_KINDS)[number];
