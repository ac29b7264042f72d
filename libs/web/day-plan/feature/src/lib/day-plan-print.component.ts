import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiFailure, FileDownloads } from '@worksite/web-core-data-access';

/** "打印日计划": the day plan for the site board, one A4 page per crew, as a PDF download. */
@Component({
  selector: 'ws-day-plan-print',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" data-testid="day-plan-print" [disabled]="busy() || !date()" (click)="print()">
      {{ (busy() ? 'print.busy' : 'print.dayPlan') | translate }}
    </button>
    @if (error(); as error) {
      <span class="bad" role="alert">{{ error }}</span>
    }
  `,
  styles: `
    .bad {
      color: #c92a2a;
      margin-left: 6px;
    }
  `,
})
export class DayPlanPrintComponent {
  private readonly downloads = inject(FileDownloads);
  readonly projectId = input.required<string>();
  readonly date = input<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async print(): Promise<void> {
    const date = this.date();
    if (!date) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.downloads.save(`projects/${this.projectId()}/day-plan.pdf?date=${date}`, {
        fallbackName: `day-plan-${date}.pdf`,
      });
    } catch (error) {
      this.error.set((error as ApiFailure).message);
    } finally {
      this.busy.set(false);
    }
  }
}
