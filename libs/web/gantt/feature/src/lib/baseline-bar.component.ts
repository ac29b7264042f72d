import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { localDateOf } from '@worksite/shared-util-time';
import { BaselineStore } from './baseline.store';

/**
 * The Gantt's baseline controls: which baseline to draw under the bars, save the plan as a
 * new one (planners), compare, delete.
 */
@Component({
  selector: 'ws-baseline-bar',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="group" role="group" [attr.aria-label]="'baselines.label' | translate">
      <label>
        {{ 'baselines.label' | translate }}
        <select data-testid="baseline-select" (change)="baselines.select($any($event.target).value || null)">
          <option value="" [selected]="!baselines.selectedId()">{{ 'baselines.none' | translate }}</option>
          @for (b of baselines.list(); track b.id) {
            <option [value]="b.id" [selected]="b.id === baselines.selectedId()">{{ b.name }}</option>
          }
        </select>
      </label>
      @if (baselines.selectedId()) {
        <button type="button" data-testid="baseline-compare" (click)="baselines.compare()">
          {{ 'baselines.compare' | translate }}
        </button>
        @if (editable()) {
          <button type="button" data-testid="baseline-delete" [disabled]="baselines.busy()" (click)="remove()">
            {{ 'baselines.delete' | translate }}
          </button>
        }
      }
      @if (editable()) {
        @if (naming()) {
          <form (submit)="$event.preventDefault(); save()">
            <input
              data-testid="baseline-name"
              required
              maxlength="100"
              [attr.aria-label]="'baselines.name' | translate"
              [value]="name()"
              (input)="name.set($any($event.target).value)"
            />
            <button type="submit" data-testid="baseline-save-confirm" [disabled]="!name().trim() || baselines.busy()">
              {{ 'common.save' | translate }}
            </button>
            <button type="button" (click)="naming.set(false)">{{ 'common.cancel' | translate }}</button>
          </form>
        } @else {
          <button type="button" data-testid="baseline-save" (click)="startNaming()">
            {{ 'baselines.save' | translate }}
          </button>
        }
      }
      @if (baselines.message(); as message) {
        <span class="message" [class.bad]="message.bad" role="status" data-testid="baseline-message">
          {{ message.key | translate: message.params }}
        </span>
      }
    </div>
  `,
  styles: `
    .group,
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
    }
    .message {
      color: #52606d;
      font-size: 0.85rem;
    }
    .message.bad {
      color: #c92a2a;
    }
  `,
})
export class BaselineBarComponent {
  /** Whether the user may save and delete baselines (plans the project). */
  readonly editable = input(false);
  /** The project's zone, for the default name's date. */
  readonly zone = input('Asia/Shanghai');

  protected readonly baselines = inject(BaselineStore);
  private readonly translate = inject(TranslateService);
  protected readonly naming = signal(false);
  protected readonly name = signal('');

  protected startNaming(): void {
    this.name.set(this.translate.instant('baselines.defaultName', { date: localDateOf(Date.now(), this.zone()) }));
    this.naming.set(true);
  }

  protected async save(): Promise<void> {
    if (await this.baselines.save(this.name().trim())) this.naming.set(false);
  }

  protected remove(): void {
    const name = this.baselines.detail()?.name ?? '';
    if (globalThis.confirm?.(this.translate.instant('baselines.confirmDelete', { name })) === false) return;
    void this.baselines.remove();
  }
}
