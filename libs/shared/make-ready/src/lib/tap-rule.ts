import { ReportKind, VarianceReason } from './variance';

/**
 * The one rule of what a crew lead's tap does to a task, for the api (what it writes) and the
 * phone (what it shows before the server has the tap). Task statuses are TaskStatus's values
 * of @worksite/shared-domain (which depends on this library, so they are spelt out here).
 */

/** One tap as the rule needs it (a CrewReportRequest or a stored report). */
export interface TapOf {
  kind: ReportKind;
  /** 0–100, for 'progress' (the api requires it there). */
  progress?: number | null;
  reason?: VarianceReason | null;
  note?: string | null;
}

/** "Not done" as the lead reported it today. */
export interface NotDoneReport {
  reason: VarianceReason;
  note: string;
}

/** A task's status and progress with the lead's last "not done" beside them. */
export interface TapState {
  status: string;
  progress: number;
  notDone: NotDoneReport | null;
}

/** What a tap may write on the task. */
export interface TapChange {
  status?: 'in_progress' | 'done';
  progress?: number;
}

/** Statuses of a task not begun: a 'started' tap, or progress above 0, moves them to in progress. */
const NOT_BEGUN: readonly string[] = ['planned', 'ready', 'blocked'];

/**
 * A task after one tap: 'started' → in progress; 'progress' → that progress (and in progress
 * when it had not begun and the progress is above 0); 'done' → done at 100 %; 'not_done' → the
 * task unchanged, the reason and note beside it. 'started' and 'done' clear an earlier "not
 * done". A done task is never moved back by a tap (one that arrives late from an offline phone);
 * "not done" on it is shown beside it (the lead corrects a mistaken 完成), and a cancelled task
 * is not begun by a tap (the api refuses taps on it).
 */
export function applyTap(state: TapState, tap: TapOf): TapState {
  switch (tap.kind) {
    case 'done':
      return { status: 'done', progress: 100, notDone: null };
    case 'not_done':
      return { ...state, notDone: { reason: tap.reason ?? 'other', note: tap.note ?? '' } };
    case 'started':
      return { ...state, status: NOT_BEGUN.includes(state.status) ? 'in_progress' : state.status, notDone: null };
    case 'progress': {
      if (state.status === 'done' || tap.progress === undefined || tap.progress === null) return state;
      const begins = tap.progress > 0 && NOT_BEGUN.includes(state.status);
      return { ...state, progress: tap.progress, status: begins ? 'in_progress' : state.status };
    }
  }
}

/** The columns one tap changes on the task (empty when it changes none), by applyTap. */
export function taskChangeOf(tap: TapOf, task: { status: string; progress: number }): TapChange {
  const after = applyTap({ status: task.status, progress: task.progress, notDone: null }, tap);
  const change: TapChange = {};
  if (after.status !== task.status) change.status = after.status as TapChange['status'];
  if (after.progress !== task.progress) change.progress = after.progress;
  return change;
}

/** The "not done" today's reports (oldest first) leave standing, by applyTap. */
export function notDoneOf(reports: readonly TapOf[]): NotDoneReport | null {
  return reports.reduce((state, report) => applyTap(state, report), {
    status: '',
    progress: 0,
    notDone: null,
  } as TapState).notDone;
}
