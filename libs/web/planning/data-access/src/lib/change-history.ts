import { inject, Injectable, signal } from '@angular/core';
import { ChangeSetRevertDto } from '@worksite/shared-domain';
import { ApiClient, ApiFailure, ChangeSetScope, newChangeSetId } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';

/** What an edit was, for the undo button's tooltip: a translation key and its parameters. */
export interface ChangeLabel {
  key: string;
  params?: Record<string, string | number>;
}

/** One edit the user can undo (or redo): its change set on the server and what it was. */
export interface ChangeEntry {
  changeSetId: string;
  projectId: string;
  label: ChangeLabel;
}

/** How an undo or redo went: done, or refused (a 409 drops the entry: someone changed its rows since). */
export type ChangeOutcome =
  | { ok: true; entry: ChangeEntry; result: ChangeSetRevertDto }
  | { ok: false; entry: ChangeEntry; failure: ApiFailure; dropped: boolean };

/** Edits kept per project (at least 20 asked for). */
export const HISTORY_LIMIT = 50;

interface Stacks {
  undo: ChangeEntry[];
  redo: ChangeEntry[];
  /** The user whose edits these are (another user signing in on the tab starts afresh). */
  userId?: string | null;
}

/**
 * The user's undo and redo history. Every edit saved in the browser goes through `run`, which
 * gives its writes one change set (the X-Change-Set header, added by changeSetInterceptor) and,
 * once saved, keeps it on the project's undo stack; a new edit empties the redo stack. Undo
 * asks the API to undo the change set (which puts back the successors the edit pushed); its
 * answer is the undo's own change set, kept for redo. Runs, undos and redos go one at a time.
 * The history is kept for the browser tab (sessionStorage), so a reload keeps it.
 */
@Injectable({ providedIn: 'root' })
export class ChangeHistory {
  private readonly api = inject(ApiClient);
  private readonly scope = inject(ChangeSetScope);
  private readonly stacks = signal<Stacks>(restored());
  /** The last piece of work queued, while any is running. */
  private tail: Promise<unknown> | null = null;
  /** An undo or redo is on its way. */
  readonly busy = signal(false);

  /** The edit an undo would take back in the project (reads a signal: usable in computed and templates). */
  nextUndo(projectId: string): ChangeEntry | null {
    return lastOf(this.stacks().undo, projectId);
  }

  /** The edit a redo would bring back in the project. */
  nextRedo(projectId: string): ChangeEntry | null {
    return lastOf(this.stacks().redo, projectId);
  }

  /** How many edits of the project can be undone. */
  size(projectId: string): number {
    return this.stacks().undo.filter((entry) => entry.projectId === projectId).length;
  }

  /**
   * Saves an edit in a change set of its own: every write `save` makes (one request or several)
   * carries the change set; when it succeeds the edit can be undone.
   */
  run<T>(projectId: string, label: ChangeLabel, save: (changeSetId: string) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const changeSetId = newChangeSetId();
      this.scope.active = changeSetId;
      try {
        const result = await save(changeSetId);
        this.update((stacks) => ({
          ...stacks,
          undo: trimmed([...stacks.undo, { changeSetId, projectId, label }], projectId),
          redo: [],
        }));
        return result;
      } finally {
        this.scope.active = null;
      }
    });
  }

  /** Undoes the project's latest edit; null when there is none. */
  undo(projectId: string): Promise<ChangeOutcome | null> {
    return this.revert(projectId, 'undo');
  }

  /** Brings back the project's latest undone edit; null when there is none. */
  redo(projectId: string): Promise<ChangeOutcome | null> {
    return this.revert(projectId, 'redo');
  }

  /** Forgets everything (e.g. when the user signs out). */
  clear(): void {
    this.update(() => ({ undo: [], redo: [] }));
  }

  /** The history is the signed-in user's: another user's edits are forgotten when someone else signs in. */
  belongsTo(userId: string | null): void {
    if (userId && this.stacks().userId !== userId) this.update(() => ({ undo: [], redo: [], userId }));
  }

  /** Changes the stacks and keeps them for the browser tab (a reload keeps the history). */
  private update(change: (stacks: Stacks) => Stacks): void {
    this.stacks.update(change);
    try {
      globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(this.stacks()));
    } catch {
      // Storage full or blocked: the history lives on in memory.
    }
  }

  private revert(projectId: string, direction: 'undo' | 'redo'): Promise<ChangeOutcome | null> {
    return this.serial(async () => {
      const from = direction;
      const to = direction === 'undo' ? 'redo' : 'undo';
      const entry = lastOf(this.stacks()[from], projectId);
      if (!entry) return null;
      this.busy.set(true);
      try {
        const result = await firstValueFrom(
          this.api.post<ChangeSetRevertDto>(`change-sets/${entry.changeSetId}/${direction}`, {}),
        );
        // The undo's own change set: redoing it takes the undo back (and the other way round).
        const moved = { ...entry, changeSetId: result.changeSetId };
        this.update((stacks) => ({
          ...stacks,
          [from]: without(stacks[from], entry),
          [to]: trimmed([...stacks[to], moved], projectId),
        }));
        return { ok: true, entry, result } as const;
      } catch (error) {
        const failure =
          error instanceof ApiFailure ? error : new ApiFailure(0, 'network', String((error as Error)?.message));
        // Refused for good (changed since, already undone, gone): the entry cannot be used again.
        const dropped = [403, 404, 409, 422].includes(failure.status);
        if (dropped) this.update((stacks) => ({ ...stacks, [from]: without(stacks[from], entry) }));
        return { ok: false, entry, failure, dropped } as const;
      } finally {
        this.busy.set(false);
      }
    });
  }

  /** One at a time; work starts at once (its requests leave synchronously) when nothing else runs. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail ? this.tail.then(work, work) : work();
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.tail = settled;
    void settled.then(() => {
      if (this.tail === settled) this.tail = null;
    });
    return result;
  }
}

const STORAGE_KEY = 'ws.changeHistory';

/** The history kept for this browser tab, if any (and readable). */
function restored(): Stacks {
  try {
    const stored = JSON.parse(globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? 'null') as Stacks | null;
    if (stored && Array.isArray(stored.undo) && Array.isArray(stored.redo)) return stored;
  } catch {
    // Unreadable: start afresh.
  }
  return { undo: [], redo: [] };
}

function lastOf(entries: ChangeEntry[], projectId: string): ChangeEntry | null {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].projectId === projectId) return entries[i];
  return null;
}

function without(entries: ChangeEntry[], entry: ChangeEntry): ChangeEntry[] {
  return entries.filter((other) => other !== entry);
}

/** At most HISTORY_LIMIT entries of the project: its oldest go first. */
function trimmed(entries: ChangeEntry[], projectId: string): ChangeEntry[] {
  const mine = entries.filter((entry) => entry.projectId === projectId);
  if (mine.length <= HISTORY_LIMIT) return entries;
  const drop = new Set(mine.slice(0, mine.length - HISTORY_LIMIT));
  return entries.filter((entry) => !drop.has(entry));
}
