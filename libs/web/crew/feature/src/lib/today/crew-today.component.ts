import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ConstraintUser, MakeReadyConstraintDto, VARIANCE_REASONS, VarianceReason } from '@worksite/shared-make-ready';
import { StatusBadgeComponent, VarianceReasonPipe, ZonedRangePipe } from '@worksite/web-shared-ui';
import { OpenConstraintsComponent } from '@worksite/web-make-ready-feature';
import type { NewTap } from '@worksite/web-weekly-plan-data-access';
import type { TodayTask } from '../crew.store';

/** Progress steps the lead can tap (percent). */
export const PROGRESS_STEPS = [25, 50, 75] as const;

/**
 * Today's tasks on the crew lead's phone: one big button per report (开始 / 25·50·75 % / 完成 /
 * 未完成). "Not done" opens the reasons for variance and a note before it is sent.
 */
@Component({
  selector: 'ws-crew-today',
  imports: [TranslatePipe, StatusBadgeComponent, ZonedRangePipe, VarianceReasonPipe, OpenConstraintsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './crew-today.component.html',
  styleUrl: './crew-today.component.css',
})
export class CrewTodayComponent {
  readonly tasks = input.required<TodayTask[]>();
  readonly zone = input.required<string>();
  readonly today = input.required<string>();
  readonly location = input<(id: string | null) => string>(() => '');
  readonly tapped = output<NewTap>();
  /** The lead (their own constraints may be marked cleared), the one being cleared, and the ask. */
  readonly user = input<ConstraintUser | null>(null);
  readonly clearing = input<string | null>(null);
  readonly clearConstraint = output<MakeReadyConstraintDto>();

  protected readonly reasons = VARIANCE_REASONS;
  protected readonly steps = PROGRESS_STEPS;
  /** The task whose "not done" form is open, with the chosen reason. */
  protected readonly asking = signal<{ taskId: string; reason: VarianceReason | null } | null>(null);

  protected tap(taskId: string, kind: NewTap['kind'], progress?: number): void {
    this.tapped.emit(progress === undefined ? { taskId, kind } : { taskId, kind, progress });
  }

  protected ask(taskId: string): void {
    this.asking.set(this.asking()?.taskId === taskId ? null : { taskId, reason: null });
  }

  protected choose(reason: VarianceReason): void {
    this.asking.update((a) => (a ? { ...a, reason } : a));
  }

  protected notDone(taskId: string, note: string): void {
    const reason = this.asking()?.reason;
    if (!reason) return;
    const text = note.trim();
    this.tapped.emit({ taskId, kind: 'not_done', reason, ...(text ? { note: text } : {}) });
    this.asking.set(null);
  }
}
