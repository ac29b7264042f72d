import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiFailure, FileDownloads } from '@worksite/web-core-data-access';
import { defaultPrintRange, GanttPrintRequest, shownRows } from './gantt-print';
import { BaselineStore } from './baseline.store';
import { GanttStore } from './gantt.store';
import { TaskTableStore } from './table/task-table.store';

/**
 * "打印/导出PDF" in the Gantt's header: a small dialog for the dates and the paper; the PDF holds
 * the rows shown (in their order), over those dates, and is downloaded.
 */
@Component({
  selector: 'ws-gantt-print',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" data-testid="print-open" [attr.aria-expanded]="open()" (click)="toggle()">
      {{ 'print.button' | translate }}
    </button>
    @if (open()) {
      <form
        class="pop"
        role="dialog"
        [attr.aria-label]="'print.title' | translate"
        data-testid="print-dialog"
        (submit)="$event.preventDefault(); print()"
      >
        <label>
          {{ 'print.from' | translate }}
          <input
            type="date"
            required
            data-testid="print-from"
            [value]="from()"
            (change)="from.set($any($event.target).value)"
          />
        </label>
        <label>
          {{ 'print.to' | translate }}
          <input
            type="date"
            required
            data-testid="print-to"
            [value]="to()"
            (change)="to.set($any($event.target).value)"
          />
        </label>
        <label>
          {{ 'print.paper' | translate }}
          <select data-testid="print-paper" (change)="paper.set($any($event.target).value)">
            <option value="A4" [selected]="paper() === 'A4'">{{ 'print.a4' | translate }}</option>
            <option value="A3" [selected]="paper() === 'A3'">{{ 'print.a3' | translate }}</option>
          </select>
        </label>
        <p class="hint">{{ 'print.rows' | translate: { count: rowCount() } }}</p>
        <div class="actions">
          <button type="submit" data-testid="print-go" [disabled]="busy() || !from() || !to()">
            {{ (busy() ? 'print.busy' : 'print.download') | translate }}
          </button>
          <button type="button" (click)="open.set(false)">{{ 'common.cancel' | translate }}</button>
        </div>
        @if (error(); as error) {
          <p class="bad" role="alert" data-testid="print-error">{{ error }}</p>
        }
      </form>
    }
  `,
  styles: `
    :host {
      position: relative;
      display: inline-block;
    }
    .pop {
      position: absolute;
      z-index: 20;
      top: calc(100% + 4px);
      right: 0;
      display: grid;
      gap: 8px;
      width: min(280px, calc(100vw - 24px));
      padding: 12px;
      background: #fff;
      border: 1px solid #c8ccd2;
      border-radius: 6px;
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
    }
    label {
      display: grid;
      gap: 2px;
      font-size: 13px;
    }
    .hint {
      margin: 0;
      color: #5b636e;
      font-size: 12px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .bad {
      margin: 0;
      color: #c92a2a;
    }
  `,
})
export class GanttPrintComponent {
  private readonly store = inject(GanttStore);
  private readonly downloads = inject(FileDownloads);
  /** The chart's rows as the table sorts them, when the page has the table. */
  private readonly table = inject(TaskTableStore, { optional: true });
  /** The baseline on screen, when the page has baselines. */
  private readonly baselines = inject(BaselineStore, { optional: true });

  protected readonly open = signal(false);
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly paper = signal<GanttPrintRequest['paper']>('A4');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly rowCount = signal(0);

  protected toggle(): void {
    if (!this.open()) {
      const zone = this.store.project()?.timeZone ?? 'Asia/Shanghai';
      const range = defaultPrintRange(this.store.bars(), zone);
      this.from.set(range.from);
      this.to.set(range.to);
      this.rowCount.set(shownRows(this.table?.rows() ?? this.store.groups()).length);
      this.error.set(null);
    }
    this.open.set(!this.open());
  }

  protected async print(): Promise<void> {
    const project = this.store.project();
    if (!project) return;
    const request: GanttPrintRequest = {
      from: this.from(),
      to: this.to(),
      paper: this.paper(),
      rows: shownRows(this.table?.rows() ?? this.store.groups()),
      ...(this.baselines?.selectedId() ? { baseline: this.baselines.selectedId() as string } : {}),
    };
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.downloads.save(`projects/${project.id}/gantt.pdf`, {
        body: request,
        fallbackName: `${project.code}-gantt.pdf`,
      });
      this.open.set(false);
    } catch (error) {
      this.error.set((error as ApiFailure).message);
    } finally {
      this.busy.set(false);
    }
  }
}
