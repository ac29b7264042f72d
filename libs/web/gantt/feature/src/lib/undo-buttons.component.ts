import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ChangeSetRevertDto } from '@worksite/shared-domain';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ChangeEntry, ChangeOutcome } from '@worksite/web-planning-data-access';
import { GanttStore } from './gantt.store';

/** True when a key press belongs to a field being typed in (its own undo applies there). */
export function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element?.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable === true;
}

/** Which history step a key press asks for: Ctrl+Z undo, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on a Mac). */
export function historyKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/**
 * What to tell about tasks an undo brought back under a new code (a newer task took the old
 * one): one sentence per task, or null when there are none.
 */
export function renumberedText(
  result: Pick<ChangeSetRevertDto, 'renumbered'>,
  instant: (key: string, params: Record<string, unknown>) => string,
): string | null {
  const tasks = result.renumbered ?? [];
  if (tasks.length === 0) return null;
  return tasks
    .map((task) => instant('undo.renumbered', { title: task.title, from: task.previousCode, to: task.code }))
    .join(' ');
}

/**
 * 撤销 / 重做 in the Gantt header, with what would be undone or redone as the tooltip, and the
 * keyboard shortcuts (not while typing in a field). After an undo the chart reloads; a refusal
 * (someone changed a task since) says the server's words, which name the task.
 */
@Component({
  selector: 'ws-undo-buttons',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKey($event)', class: 'undo-buttons' },
  template: `
    <button
      type="button"
      data-testid="undo"
      [disabled]="!undoEntry() || blocked()"
      [attr.title]="tooltip('undo.undoThis', undoEntry())"
      (click)="step('undo')"
    >
      ↶ {{ 'undo.undo' | translate }}
    </button>
    <button
      type="button"
      data-testid="redo"
      [disabled]="!redoEntry() || blocked()"
      [attr.title]="tooltip('undo.redoThis', redoEntry())"
      (click)="step('redo')"
    >
      ↷ {{ 'undo.redo' | translate }}
    </button>
  `,
  styles: `
    :host {
      display: inline-flex;
      gap: 0.3rem;
    }
    button {
      white-space: nowrap;
    }
  `,
})
export class UndoButtonsComponent {
  readonly projectId = input.required<string>();

  private readonly store = inject(GanttStore);
  private readonly translate = inject(TranslateService);
  protected readonly undoEntry = computed(() => this.store.history.nextUndo(this.projectId()));
  protected readonly redoEntry = computed(() => this.store.history.nextRedo(this.projectId()));
  protected readonly blocked = computed(
    () => !this.store.editable() || this.store.saving() || this.store.history.busy(),
  );

  constructor() {
    const session = inject(SessionStore);
    effect(() => this.store.history.belongsTo(session.user()?.id ?? null));
  }

  protected tooltip(key: string, entry: ChangeEntry | null): string | null {
    if (!entry) return null;
    return this.translate.instant(key, { what: this.translate.instant(entry.label.key, entry.label.params) });
  }

  protected onKey(event: KeyboardEvent): void {
    const direction = historyKey(event);
    if (!direction || typingIn(event.target)) return;
    event.preventDefault();
    if (!this.blocked()) void this.step(direction);
  }

  protected async step(direction: 'undo' | 'redo'): Promise<void> {
    const projectId = this.projectId();
    this.store.saving.set(true);
    this.store.notice.set(null);
    let outcome: ChangeOutcome | null = null;
    try {
      outcome = await this.store.history[direction](projectId);
      if (outcome) await this.store.reload();
    } finally {
      this.store.saving.set(false);
    }
    if (!outcome) return;
    const what = this.translate.instant(outcome.entry.label.key, outcome.entry.label.params);
    if (outcome.ok) {
      const renumbered = renumberedText(outcome.result, (key, params) => this.translate.instant(key, params));
      this.store.notice.set({
        kind: 'saved',
        key: direction === 'undo' ? 'undo.undone' : 'undo.redone',
        params: { what },
        ...(renumbered ? { detail: renumbered } : {}),
      });
    } else {
      this.store.notice.set({
        kind: outcome.failure.status === 409 ? 'conflict' : 'error',
        key: direction === 'undo' ? 'undo.undoFailed' : 'undo.redoFailed',
        params: { what },
        detail: outcome.failure.message,
      });
    }
  }
}
