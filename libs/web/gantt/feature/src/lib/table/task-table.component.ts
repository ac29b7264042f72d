import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ScheduledTaskDto, TaskStatus } from '@worksite/shared-domain';
import { GanttPaneContext } from '@worksite/web-gantt-ui';
import { locationPath } from '@worksite/web-planning-data-access';
import { GanttStore } from '../gantt.store';
import { cellText, fullDateTime, PlacedColumn } from './table-columns';
import { LineKind, moveActive } from './table-logic';
import { TaskTableStore } from './task-table.store';

interface RowView {
  kind: 'task' | 'group';
  key: string;
  line: number;
  top: number;
  task?: ScheduledTaskDto;
  groupId?: string;
  label?: string;
  color?: string | null;
  collapsed?: boolean;
  count?: number;
}

/**
 * The task table: the lines of the chart's render window (group headers and tasks, at the
 * chart's own heights), cells of the visible columns, inline editors, and the new-task line
 * below the last row. One tab stop (a grid): arrows, Tab/Shift+Tab, Home/End, PageUp/PageDown
 * move the active cell; Enter or F2 (or typing) edits, Enter commits, Escape cancels.
 */
@Component({
  selector: 'ws-task-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  templateUrl: './task-table.component.html',
  styleUrl: './task-table.component.css',
})
export class TaskTableComponent {
  readonly pane = input.required<GanttPaneContext>();
  /** Asks the chart to scroll a line into view. */
  readonly reveal = output<number>();

  protected readonly table = inject(TaskTableStore);
  protected readonly store = inject(GanttStore);
  /** Not-ready tasks get a badge in the title cell. */
  protected readonly notReady = this.table.notReady;
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  protected readonly statuses = Object.values(TaskStatus);

  protected readonly columns = computed(() => this.table.layout().columns);
  private readonly kinds = computed<LineKind[]>(() => this.pane().layout.lines.map((line) => line.kind));
  protected readonly newLineTop = computed(() => this.pane().layout.lines.length * this.pane().rowHeight);
  protected readonly rows = computed<RowView[]>(() => {
    const { layout, firstLine, lastLine, rowHeight } = this.pane();
    const byId = this.store.taskById();
    const out: RowView[] = [];
    for (let i = Math.max(0, firstLine); i <= lastLine && i < layout.lines.length; i++) {
      const line = layout.lines[i];
      if (line.kind === 'group') {
        out.push({
          kind: 'group',
          key: `g:${line.group.id}`,
          line: i,
          top: i * rowHeight,
          groupId: line.group.id,
          label: line.group.label,
          color: line.group.color ?? null,
          collapsed: line.collapsed,
          count: line.group.rows.length,
        });
      } else {
        const task = byId.get(line.row.id);
        if (task) out.push({ kind: 'task', key: `r:${task.id}`, line: i, top: i * rowHeight, task });
      }
    }
    return out;
  });
  protected readonly departments = computed(() =>
    [...(this.store.refs()?.departments.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  );
  protected readonly crews = computed(() =>
    [...(this.store.refs()?.crews.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  );
  protected readonly locations = computed(() => {
    const refs = this.store.refs();
    if (!refs) return [];
    return [...refs.locations.values()]
      .map((l) => ({ id: l.id, name: locationPath(refs, l.id) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  });

  /** A task just created: its line is shown (and made active) once the reloaded rows have it. */
  private readonly pendingReveal = signal<string | null>(null);

  constructor() {
    effect(() => this.table.shownLines.set(this.pane().layout.lines));
    effect(() => {
      const id = this.pendingReveal();
      const line = id ? this.pane().layout.lineOfRow.get(id) : undefined;
      if (line === undefined) return;
      this.pendingReveal.set(null);
      this.table.active.set({
        line,
        column: Math.max(
          0,
          this.columns().findIndex((c) => c.id === 'title'),
        ),
      });
      this.reveal.emit(line);
    });
    // The editor takes the focus when it opens; the grid gets it back when it closes.
    afterRenderEffect(() => {
      const edit = this.table.editing();
      const el = this.host.nativeElement;
      if (edit && !edit.busy) {
        const editor = el.querySelector<HTMLInputElement | HTMLSelectElement>('.editor');
        if (editor && el.ownerDocument.activeElement !== editor) {
          editor.focus({ preventScroll: true });
          if (editor instanceof HTMLInputElement && editor.type === 'text') {
            editor.setSelectionRange(editor.value.length, editor.value.length);
          }
        }
      }
    });
  }

  protected text(task: ScheduledTaskDto, column: PlacedColumn): string {
    const ctx = this.table.context();
    return ctx ? cellText(task, column.id, ctx) : '';
  }

  protected tooltip(task: ScheduledTaskDto, column: PlacedColumn): string {
    const ctx = this.table.context();
    if (!ctx) return '';
    if (column.id === 'start') return fullDateTime(task.plannedStart, ctx.zone);
    if (column.id === 'finish') return fullDateTime(task.plannedFinish, ctx.zone);
    return cellText(task, column.id, ctx);
  }

  protected isActive(line: number, column: number): boolean {
    const active = this.table.active();
    return !!active && active.line === line && active.column === column;
  }

  protected isEditing(task: ScheduledTaskDto, column: PlacedColumn): boolean {
    const edit = this.table.editing();
    return !!edit && edit.taskId === task.id && edit.column === column.id;
  }

  /** Clicks are delegated: one listener for every cell. Double click edits. */
  protected onGridClick(event: MouseEvent, double: boolean): void {
    const cell = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-col]') : null;
    if (!cell || (event.target as Element).closest('.editor')) return;
    const line = Number(cell.dataset['line']);
    const c = Number(cell.dataset['col']);
    const task = this.taskAt(line);
    const column = this.columns()[c];
    if (!task || !column) return;
    if (double) {
      if (column.spec.editor) this.table.startEdit(task, column.id);
      return;
    }
    const mode = event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'single';
    this.table.select(task.id, mode);
    this.setActive(line, c, false);
    this.focusGrid();
  }

  protected onGridKeydown(event: KeyboardEvent): void {
    if (event.target !== event.currentTarget) return;
    const columns = this.columns();
    const active = this.table.active();
    if (!active) {
      // The first key on a table without an active cell makes its first cell active.
      const first = this.firstCell();
      if (first && moveActive(first, event.key, event.shiftKey, this.kinds(), columns.length)) {
        event.preventDefault();
        this.setActive(first.line, first.column, true);
      }
      return;
    }
    const task = this.taskAt(active.line);
    if ((event.key === 'Enter' || event.key === 'F2') && task) {
      const column = columns[active.column];
      if (column?.spec.editor) this.table.startEdit(task, column.id);
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape') {
      this.store.selectedTaskIds.set(new Set());
      return;
    }
    const typed = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    const column = columns[active.column];
    if (typed && task && column?.spec.editor && column.spec.editor !== 'select' && column.spec.editor !== 'datetime') {
      this.table.startEdit(task, column.id, event.key === ' ' ? '' : event.key);
      event.preventDefault();
      return;
    }
    const next = moveActive(active, event.key, event.shiftKey, this.kinds(), columns.length);
    if (!next) return;
    event.preventDefault();
    this.setActive(next.line, next.column, true);
  }

  protected onEditorKeydown(event: KeyboardEvent): void {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      this.table.cancelEdit();
      this.focusGrid();
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      const key = event.key === 'Enter' ? 'ArrowDown' : 'Tab';
      const shift = event.shiftKey;
      void this.table.commitEdit().then((ok) => {
        if (!ok) return;
        this.focusGrid();
        const active = this.table.active();
        const next = active && moveActive(active, key, shift, this.kinds(), this.columns().length);
        if (next) this.setActive(next.line, next.column, true);
      });
    }
  }

  /** Leaving a cell (a click elsewhere) saves it, as in a spreadsheet; a refused value stays until Enter or Escape. */
  protected onEditorBlur(): void {
    const edit = this.table.editing();
    if (edit && !edit.busy && !edit.error) void this.table.commitEdit();
  }

  protected onEditorInput(value: string): void {
    this.table.editing.update((edit) => (edit ? { ...edit, text: value, error: null } : edit));
  }

  protected onNewKeydown(event: KeyboardEvent): void {
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.table.createTask().then((id) => this.pendingReveal.set(id));
    } else if (event.key === 'Escape') {
      this.table.newTitle.set('');
      this.table.newError.set(null);
    }
  }

  protected toggleGroup(groupId: string | undefined): void {
    if (groupId) this.pane().toggleGroup(groupId);
  }

  private setActive(line: number, column: number, follow: boolean): void {
    this.table.active.set({ line, column });
    const task = this.taskAt(line);
    if (follow && task) {
      this.store.selectedId.set(task.id);
      this.store.selectedTaskIds.set(new Set([task.id]));
    }
    this.reveal.emit(line);
  }

  private taskAt(line: number): ScheduledTaskDto | null {
    const entry = this.pane().layout.lines[line];
    return entry?.kind === 'task' ? (this.store.taskById().get(entry.row.id) ?? null) : null;
  }

  private firstCell(): { line: number; column: number } | null {
    const line = this.kinds().indexOf('task');
    return line < 0 ? null : { line, column: 0 };
  }

  private focusGrid(): void {
    this.host.nativeElement.querySelector<HTMLElement>('.grid')?.focus({ preventScroll: true });
  }
}
