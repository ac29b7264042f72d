import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { TableColumnId } from './table-columns';
import { TaskTableStore } from './task-table.store';

/** The table's column headers in the chart's top-left corner: click to sort, drag the edge to resize. */
@Component({
  selector: 'ws-task-table-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <div class="row" role="row">
      @for (column of table.layout().columns; track column.id) {
        <div
          class="head"
          role="columnheader"
          [style.width.px]="column.width"
          [class.end]="column.spec.align === 'end'"
          [attr.aria-sort]="ariaSort(column.id)"
          [attr.data-column]="column.id"
        >
          <!-- The title shows the whole name where a narrow column cuts it (Duration, Predecessors). -->
          <button
            type="button"
            class="sort"
            [title]="'table.columns.' + column.id | translate"
            (click)="table.sortBy(column.id)"
            [attr.data-testid]="'sort-' + column.id"
          >
            {{ 'table.columns.' + column.id | translate }}
            @if (table.sort()?.column === column.id) {
              <span aria-hidden="true">{{ table.sort()?.direction === 'asc' ? '▲' : '▼' }}</span>
            }
          </button>
          <span
            class="grip"
            role="separator"
            aria-orientation="vertical"
            [attr.aria-label]="'table.resize' | translate: { column: ('table.columns.' + column.id | translate) }"
            (pointerdown)="startResize($event, column.id, column.width)"
          ></span>
        </div>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      height: 100%;
    }
    .row {
      display: flex;
      height: 100%;
    }
    .head {
      position: relative;
      flex: none;
      box-sizing: border-box;
      display: flex;
      align-items: center;
      border-right: 1px solid var(--ws-gantt-grid, #e3e6ea);
      font-weight: 600;
      font-size: 12px;
    }
    .sort {
      flex: 1;
      min-width: 0;
      height: 100%;
      padding: 0 6px;
      border: 0;
      background: none;
      font: inherit;
      color: inherit;
      text-align: left;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      cursor: pointer;
    }
    .end .sort {
      text-align: right;
    }
    .grip {
      position: absolute;
      top: 0;
      right: -4px;
      width: 8px;
      height: 100%;
      cursor: col-resize;
      z-index: 1;
      touch-action: none;
    }
  `,
})
export class TaskTableHeaderComponent {
  protected readonly table = inject(TaskTableStore);
  private readonly document = inject(DOCUMENT);

  protected ariaSort(column: TableColumnId): string | null {
    const sort = this.table.sort();
    if (sort?.column !== column) return null;
    return sort.direction === 'asc' ? 'ascending' : 'descending';
  }

  protected startResize(event: PointerEvent, column: TableColumnId, width: number): void {
    event.preventDefault();
    event.stopPropagation();
    const x0 = event.clientX;
    const move = (e: PointerEvent) => this.table.resize(column, width + e.clientX - x0);
    const up = () => {
      this.document.removeEventListener('pointermove', move);
      this.document.removeEventListener('pointerup', up);
    };
    this.document.addEventListener('pointermove', move);
    this.document.addEventListener('pointerup', up);
  }
}
