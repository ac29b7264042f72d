import { DELIVERY_TRANSITIONS, DeliveryEvent, OPEN_DELIVERY_STATES } from '@worksite/notices-domain';

/**
 * A table of provider calls that follows the delivery state machine (both have the columns
 * status, attempts, next_attempt_at, claimed_at, last_error, provider_response, sent_at,
 * updated_at). `completesNotices`: its rows of purpose 'notice' decide when their notice is
 * complete.
 */
export interface LedgerTable {
  name: 'deliveries' | 'escalation_alerts' | 'incident_callouts' | 'announcement_deliveries' | 'make_ready_messages';
  completesNotices: boolean;
}

export const DELIVERIES_LEDGER: LedgerTable = { name: 'deliveries', completesNotices: true };
export const ALERTS_LEDGER: LedgerTable = { name: 'escalation_alerts', completesNotices: false };
/** Incident call-outs, escalation SMS and paperwork reminders (libs/incidents). */
export const INCIDENT_CALLOUTS_LEDGER: LedgerTable = { name: 'incident_callouts', completesNotices: false };
/** Resident announcements posted to the buildings' group robots. */
export const ANNOUNCEMENTS_LEDGER: LedgerTable = { name: 'announcement_deliveries', completesNotices: false };
/** Owners' constraint reminders and coordinators' 18:00 not-ready lists (make-ready). */
export const MAKE_READY_LEDGER: LedgerTable = { name: 'make_ready_messages', completesNotices: false };

/** What a transition writes (the effects of DELIVERY_TRANSITIONS that take a value). */
export interface TransitionValues {
  id: string;
  /** `due` guard: the time a planned row must be due by. */
  now?: Date;
  /** `attempt` guard: the attempt that was claimed. */
  attempts?: number;
  error?: string | null;
  response?: unknown;
  nextAttemptAt?: Date | null;
}

export interface Statement {
  text: string;
  params: unknown[];
}

/** A list of states as SQL literals (the states are our own enum values, checked here). */
export function stateList(states: readonly string[]): string {
  return states
    .map((state) => {
      if (!/^[a-z_]+$/.test(state)) throw new Error(`not a delivery state: ${state}`);
      return `'${state}'::delivery_status`;
    })
    .join(', ');
}

const OPEN = stateList(OPEN_DELIVERY_STATES);

/**
 * The UPDATE of one row for one event, generated from the transition table: the new status,
 * the effects' columns, and the guard (the row is in a `from` state, and is due or still at
 * the claimed attempt). No row comes back when the event does not apply (another worker or
 * an earlier outcome got there first), which is what makes every step safe to repeat.
 */
export function transitionStatement(
  table: LedgerTable,
  event: DeliveryEvent,
  values: TransitionValues,
  returning: string,
): Statement {
  const rule = DELIVERY_TRANSITIONS[event];
  const params: unknown[] = [values.id];
  const param = (value: unknown) => `$${params.push(value)}`;
  const sets = [`status = ${stateList([rule.to])}`, 'updated_at = now()'];
  for (const effect of rule.effects) {
    switch (effect) {
      case 'attempt':
        sets.push('attempts = attempts + 1', 'claimed_at = now()');
        break;
      case 'schedule':
        sets.push(`next_attempt_at = ${param(values.nextAttemptAt ?? null)}::timestamptz`);
        break;
      case 'unschedule':
        sets.push('next_attempt_at = NULL');
        break;
      case 'error':
        sets.push(`last_error = ${param(values.error ?? null)}`);
        break;
      case 'clear-error':
        sets.push('last_error = NULL');
        break;
      case 'response':
        sets.push(
          `provider_response = ${param(values.response == null ? null : JSON.stringify(values.response))}::jsonb`,
        );
        break;
      case 'sent-at':
        sets.push('sent_at = now()');
        break;
    }
  }
  const where = [`id = $1`, `status IN (${stateList(rule.from)})`];
  if (rule.guard === 'due') where.push(`(next_attempt_at IS NULL OR next_attempt_at <= ${param(values.now)})`);
  if (rule.guard === 'attempt') where.push(`attempts = ${param(values.attempts)}`);
  return {
    text: `UPDATE ${table.name} SET ${sets.join(', ')} WHERE ${where.join(' AND ')} RETURNING ${returning}`,
    params,
  };
}

/**
 * A delivery's transition and, when it closed the last open delivery of its notice, the
 * notice's completion — one statement, one round trip (the night run records 10,000). The
 * completion check sees the statement's snapshot: if another delivery of the same notice
 * was still open in it (it may have closed meanwhile, uncommitted), `recheck` asks the
 * caller to check again once this statement has committed (NOTICE_COMPLETION_SQL).
 * Whichever of two concurrent closers commits last then sees both closed; closed states
 * never reopen, so completing is never wrong, and `completed_at IS NULL` makes it once.
 */
export function deliveryTransitionStatement(event: DeliveryEvent, values: TransitionValues): Statement {
  const moved = transitionStatement(
    DELIVERIES_LEDGER,
    event,
    values,
    'id, notice_id, purpose, status, next_attempt_at',
  );
  return {
    text: `WITH moved AS (${moved.text}),
      done AS (
        UPDATE notices n SET completed_at = now() FROM moved
         WHERE n.id = moved.notice_id AND moved.purpose = 'notice' AND moved.status NOT IN (${OPEN})
           AND n.completed_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM deliveries o WHERE o.notice_id = moved.notice_id AND o.purpose = 'notice'
                                                       AND o.id <> moved.id AND o.status IN (${OPEN}))
        RETURNING n.id)
      SELECT moved.status, moved.next_attempt_at, n.run_id, moved.notice_id,
             (moved.purpose = 'notice' AND moved.status NOT IN (${OPEN}) AND n.completed_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM done)) AS recheck
        FROM moved JOIN notices n ON n.id = moved.notice_id`,
    params: moved.params,
  };
}

/** Completes a notice when none of its deliveries is open any more ($1 notice id); returns its run. */
export const NOTICE_COMPLETION_SQL = `UPDATE notices n SET completed_at = now()
  WHERE n.id = $1 AND n.completed_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notice_id = n.id AND d.purpose = 'notice' AND d.status IN (${OPEN}))
  RETURNING n.run_id`;

/**
 * One transition of many rows in one UPDATE, from the same rule as for one row: the statement
 * generated for one row, its parameters read from the columns of `v` instead — `v` is the
 * `unnest` of one array parameter per column ($first, $first + 1…, in `columns` order; `id`
 * first). Each row is moved only on its own conditions, exactly as one statement per row would.
 */
function manyText(
  table: LedgerTable,
  event: DeliveryEvent,
  values: TransitionValues,
  returning: string,
  columns: { name: string; type: string; param?: string }[],
  first = 1,
): string {
  const one = transitionStatement(table, event, values, returning).text;
  let own = one;
  for (const column of columns) if (column.param) own = own.split(column.param).join(`v.${column.name}`);
  const many = own.replace(
    ' WHERE id = $1 ',
    ` FROM unnest(${columns.map((c, i) => `$${i + first}::${c.type}[]`).join(', ')})` +
      ` AS v(${columns.map((c) => c.name).join(', ')}) WHERE id = v.${columns[0].name} `,
  );
  if (many === own || /\$\d/.test(many.slice(many.indexOf(' WHERE ')))) {
    throw new Error(`the ${event} statement changed shape: ${one}`);
  }
  return many;
}

/**
 * The claim of many rows: `v(claim_id, claim_now, token_hash, token_expires)`, each row claimed
 * only when planned and due by its own `claim_now`. A caller adds what it writes per claim.
 */
export function claimManyText(table: LedgerTable, returning: string): string {
  return manyText(table, 'claim', { id: '', now: new Date(0) }, returning, [
    { name: 'claim_id', type: 'uuid' },
    { name: 'claim_now', type: 'timestamptz', param: '$2' },
    { name: 'token_hash', type: 'text' },
    { name: 'token_expires', type: 'timestamptz' },
  ]);
}

/**
 * Many deliveries' `accepted` (sent) with their notices' completion, as the CTEs `moved`,
 * `closed`, `done` and `recorded` (id, status, next_attempt_at, run_id, notice_id, recheck):
 * `$first` ids, `$first + 1` provider responses (JSON), `$first + 2` the attempts claimed. A
 * notice is complete when none of its deliveries is open apart from those this statement
 * closes; `recheck` as in deliveryTransitionStatement.
 */
export function acceptedManyCtes(first = 1): string {
  const moved = manyText(
    DELIVERIES_LEDGER,
    'accepted',
    { id: '', attempts: 0, response: null },
    'id, notice_id, purpose, status, next_attempt_at',
    [
      { name: 'sent_id', type: 'uuid' },
      { name: 'sent_response', type: 'jsonb', param: '$2::jsonb' },
      { name: 'sent_attempts', type: 'int', param: '$3' },
    ],
    first,
  );
  return `moved AS (${moved}),
      closed AS (SELECT id, notice_id FROM moved WHERE purpose = 'notice' AND status NOT IN (${OPEN})),
      done AS (
        UPDATE notices n SET completed_at = now()
         WHERE n.id IN (SELECT notice_id FROM closed) AND n.completed_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM deliveries o WHERE o.notice_id = n.id AND o.purpose = 'notice'
                                                       AND o.id NOT IN (SELECT id FROM closed) AND o.status IN (${OPEN}))
        RETURNING n.id),
      recorded AS (
        SELECT moved.id, moved.status, moved.next_attempt_at, n.run_id, moved.notice_id,
               (moved.purpose = 'notice' AND moved.status NOT IN (${OPEN}) AND n.completed_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM done WHERE done.id = moved.notice_id)) AS recheck
          FROM moved JOIN notices n ON n.id = moved.notice_id)`;
}

/** acceptedManyCtes as one statement ($1 ids, $2 responses, $3 attempts), answering `recorded`. */
export function acceptedManyStatement(): string {
  return `WITH ${acceptedManyCtes()} SELECT * FROM recorded`;
}
