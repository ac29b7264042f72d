import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { GanttStore } from '../gantt.store';
import { TABLE_COLUMN_IDS } from './table-columns';
import { exportLines, fillWorkbook } from './table-export';
import { TaskTableStore } from './task-table.store';

/** Above the chart: show/hide the table, the column menu, export to .xlsx. */
@Component({
  selector: 'ws-task-table-tools',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  // Escape in the column menu closes it.
  host: { '(keydown.escape)': 'table.menuOpen.set(false)' },
  template: `
    <button type="button" [attr.aria-pressed]="table.shown()" (click)="table.toggleShown()" data-testid="table-toggle">
      {{ (table.shown() ? 'table.hide' : 'table.show') | translate }}
    </button>
    @if (table.shown() && !table.phone()) {
      <span class="menu">
        <button
          type="button"
          [attr.aria-expanded]="table.menuOpen()"
          (click)="table.menuOpen.set(!table.menuOpen())"
          data-testid="column-menu"
        >
          {{ 'table.columnsMenu' | translate }}
        </button>
        @if (table.menuOpen()) {
          <fieldset class="popup">
            <legend>{{ 'table.columnsMenu' | translate }}</legend>
            @for (id of columnIds; track id) {
              <label>
                <input
                  type="checkbox"
                  [checked]="table.columns().visible.includes(id)"
                  [disabled]="id === 'title'"
                  (change)="table.toggleColumn(id)"
                  [attr.data-testid]="'column-' + id"
                />
                {{ 'table.columns.' + id | translate }}
              </label>
            }
          </fieldset>
        }
      </span>
    }
    <button type="button" (click)="exportXlsx()" [disabled]="exporting()" data-testid="export-xlsx">
      {{ 'table.export' | translate }}
    </button>
  `,
  styles: `
    :host {
      display: inline-flex;
      gap: 0.5rem;
      align-items: center;
    }
    .menu {
      position: relative;
    }
    .popup {
      position: absolute;
      top: 100%;
      left: 0;
      z-index: 20;
      margin: 4px 0 0;
      padding: 0.5rem 0.8rem;
      display: grid;
      gap: 0.2rem;
      min-width: 9rem;
      background: #fff;
      border: 1px solid #c8ccd2;
      border-radius: 4px;
      box-shadow: 0 4px 12px rgb(0 0 0 / 12%);
    }
    .popup legend {
      font-weight: 600;
      float: left;
      padding: 0 0 0.3rem;
    }
    label {
      white-space: nowrap;
    }
  `,
})
export class TaskTableToolsComponent {
  protected readonly table = inject(TaskTableStore);
  private readonly store = inject(GanttStore);
  private readonly translate = inject(TranslateService);
  protected readonly columnIds = TABLE_COLUMN_IDS;
  protected readonly exporting = signal(false);

  protected async exportXlsx(): Promise<void> {
    const ctx = this.table.context();
    const project = this.store.project();
    if (!ctx || !project) return;
    this.exporting.set(true);
    try {
      // exceljs's browser build is a UMD bundle: its namespace is the default export.
      const loaded = await import('exceljs');
      const excel = ((loaded as unknown as { default?: typeof loaded }).default ?? loaded) as typeof loaded;
      const workbook = new excel.Workbook();
      const columns = this.table.layout().columns;
      const layoutLines =
        this.table.shownLines() ??
        this.table
          .rows()
          .flatMap((group) => [
            { kind: 'group' as const, index: 0, group, collapsed: false },
            ...group.rows.map((row) => ({ kind: 'task' as const, index: 0, row, group })),
          ]);
      fillWorkbook(
        workbook,
        project.code,
        columns,
        columns.map((c) => this.translate.instant(`table.columns.${c.id}`)),
        exportLines(layoutLines, this.store.taskById()),
        ctx,
      );
      const buffer = await workbook.xlsx.writeBuffer();
      const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${project.code}-${this.translate.instant('table.fileName')}.xlsx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      this.exporting.set(false);
    }
  }
}
