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
 * The claim of many rows in one UPDATE, from the same transition as one claim: the rows of
 * `v(claim_id, claim_now, token_hash, token_expires)` (`$1`…`$4`, one array each), each claimed
 * only when planned and due by its own `claim_now`. A caller adds what it writes per claim.
 */
export function claimManyText(table: LedgerTable, returning: string): string {
  const one = transitionStatement(table, 'claim', { id: '', now: new Date(0) }, returning).text;
  const many = one
    .replace(
      ' WHERE id = $1 ',
      ' FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::timestamptz[])' +
        ' AS v(claim_id, claim_now, token_hash, token_expires) WHERE id = v.claim_id ',
    )
    .replace('next_attempt_at <= $2)', 'next_attempt_at <= v.claim_now)');
  if (many === one || many.includes('$2)')) throw new Error(`the claim statement changed shape: ${one}`);
  return many;
}
