import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ZonedRangePipe } from '@worksite/web-shared-ui';
import { BaselineStore, slipLabel } from './baseline.store';

/** The tasks whose dates differ between the chosen baseline and another one (or the current plan). */
@Component({
  selector: 'ws-baseline-compare',
  imports: [TranslatePipe, ZonedRangePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (baselines.comparison(); as c) {
      <section data-testid="baseline-comparison" [attr.aria-label]="'baselines.compare' | translate">
        <header>
          <h2>
            {{ 'baselines.compareTitle' | translate: { name: c.baseline.name, other: otherName() } }}
          </h2>
          <label>
            {{ 'baselines.compareWith' | translate }}
            <select data-testid="baseline-compare-with" (change)="baselines.compare($any($event.target).value)">
              <option value="current" [selected]="!c.with">{{ 'baselines.current' | translate }}</option>
              @for (b of others(); track b.id) {
                <option [value]="b.id" [selected]="b.id === c.with?.id">{{ b.name }}</option>
              }
            </select>
          </label>
          <button type="button" (click)="baselines.closeComparison()" [attr.aria-label]="'common.close' | translate">
            ×
          </button>
        </header>
        @if (c.items.length === 0) {
          <p>{{ 'baselines.noDifferences' | translate }}</p>
        } @else {
          <table>
            <thead>
              <tr>
                <th>{{ 'baselines.task' | translate }}</th>
                <th>{{ c.baseline.name }}</th>
                <th>{{ c.with?.name ?? ('baselines.current' | translate) }}</th>
                <th>{{ 'baselines.startSlip' | translate }}</th>
                <th>{{ 'baselines.finishSlip' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (item of c.items; track item.taskId) {
                <tr data-testid="baseline-difference" [attr.data-task-id]="item.taskId">
                  <td>{{ item.title }}</td>
                  <td>
                    @if (item.before; as b) {
                      {{ b.plannedStart | wsRange: b.plannedFinish : zone() }}
                    } @else {
                      {{ 'baselines.onlyAfter' | translate }}
                    }
                  </td>
                  <td>
                    @if (item.after; as a) {
                      {{ a.plannedStart | wsRange: a.plannedFinish : zone() }}
                    } @else {
                      {{ 'baselines.onlyBefore' | translate }}
                    }
                  </td>
                  <td class="num">{{ days(item.startSlipDays) }}</td>
                  <td class="num" [class.late]="(item.finishSlipDays ?? 0) > 0">{{ days(item.finishSlipDays) }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
        @if (c.unchanged > 0) {
          <p class="note">{{ 'baselines.unchanged' | translate: { count: c.unchanged } }}</p>
        }
      </section>
    }
  `,
  styles: `
    section {
      max-height: 16rem;
      overflow: auto;
      background: #fff;
      border: 1px solid #e4e7eb;
      padding: 0.4rem 0.6rem;
      font-size: 0.85rem;
    }
    header {
      display: flex;
      gap: 0.8rem;
      align-items: center;
    }
    h2 {
      margin: 0;
      font-size: 0.95rem;
    }
    header button {
      margin-left: auto;
      border: 0;
      background: none;
      font-size: 1.1rem;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 0.15rem 0.5rem;
      border-bottom: 1px solid #f0f2f5;
    }
    .num {
      text-align: right;
      white-space: nowrap;
    }
    .late {
      color: #c92a2a;
      font-weight: 600;
    }
    .note {
      color: #616e7c;
    }
  `,
})
export class BaselineCompareComponent {
  readonly zone = input.required<string>();
  protected readonly baselines = inject(BaselineStore);
  protected readonly others = computed(() =>
    this.baselines.list().filter((b) => b.id !== this.baselines.comparison()?.baseline.id),
  );
  private readonly translate = inject(TranslateService);
  protected readonly otherName = computed(
    () => this.baselines.comparison()?.with?.name ?? this.translate.instant('baselines.current'),
  );

  protected days(value: number | null): string {
    return value === null ? '—' : (slipLabel(value) ?? '0');
  }
}
