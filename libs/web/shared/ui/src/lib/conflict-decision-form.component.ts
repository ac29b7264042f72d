import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ConflictAssigneesDto, ConflictDecisionAction, ConflictDto } from '@worksite/shared-domain';
import { ConflictDecisionEvent, ConflictEditOption } from './conflict-triage.types';
import { ZonedTimePipe } from './zoned-time.pipe';

/** Reasons coordinators give most when accepting a clash (translation keys), offered as suggestions. */
export const ACCEPT_REASON_KEYS = [
  'conflicts.reasons.separateBuildings',
  'conflicts.reasons.sameTrench',
  'conflicts.reasons.supervised',
  'conflicts.reasons.noWorkThatDay',
  'conflicts.reasons.quietWork',
];

/**
 * The inline form of one decision on a clash: accept (reason, with suggestions), resolve
 * (which edit), escalate (to whom, with a note) or reopen (an optional note).
 */
@Component({
  selector: 'ws-conflict-decision-form',
  imports: [TranslatePipe, ZonedTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let a = action();
    <form (submit)="$event.preventDefault(); submit()" [attr.aria-label]="'conflicts.action.' + a | translate">
      @if (a === 'escalate') {
        <label>
          {{ 'conflicts.form.assignee' | translate }}
          <select
            data-testid="conflict-assignee"
            required
            [value]="assignee()"
            (change)="assignee.set($any($event.target).value)"
          >
            <option value="">{{ 'conflicts.form.pickAssignee' | translate }}</option>
            @if (assignees(); as options) {
              <optgroup [label]="'conflicts.form.departments' | translate">
                @for (d of options.departments; track d.id) {
                  <option [value]="'department:' + d.id">{{ d.name }}</option>
                }
              </optgroup>
              <optgroup [label]="'conflicts.form.users' | translate">
                @for (u of options.users; track u.id) {
                  <option [value]="'user:' + u.id">
                    {{ u.name }}（{{ 'roles.' + u.role | translate
                    }}{{ u.departmentName ? ' · ' + u.departmentName : '' }}）
                  </option>
                }
              </optgroup>
            }
          </select>
        </label>
      }
      @if (a === 'resolve') {
        <label>
          {{ 'conflicts.form.edit' | translate }}
          <select
            data-testid="conflict-edit"
            [value]="chosenEdit()?.id ?? ''"
            (change)="edit.set($any($event.target).value)"
          >
            @for (e of edits(); track e.id) {
              <option [value]="e.id">
                {{ e.at | wsTime: zone() : 'datetime' }} {{ e.actorName }} · {{ e.taskTitle }}
                {{ e.fields.length ? '（' + e.fields.join('、') + '）' : '' }}
              </option>
            } @empty {
              <option value="">{{ 'conflicts.form.latestEdit' | translate }}</option>
            }
          </select>
        </label>
      }
      <label>
        {{
          (a === 'accept'
            ? 'conflicts.form.reason'
            : a === 'escalate'
              ? 'conflicts.form.note'
              : 'conflicts.form.optionalNote'
          ) | translate
        }}
        <input
          data-testid="conflict-reason"
          [attr.list]="a === 'accept' ? listId : null"
          [required]="needsText()"
          maxlength="2000"
          [value]="text()"
          (input)="text.set($any($event.target).value)"
        />
      </label>
      @if (a === 'accept') {
        <datalist [id]="listId">
          @for (key of reasonKeys; track key) {
            <option [value]="key | translate"></option>
          }
        </datalist>
        <div class="suggestions">
          @for (key of reasonKeys; track key) {
            <button type="button" class="chip" (click)="suggest(key)">{{ key | translate }}</button>
          }
        </div>
      }
      @if (failure(); as failure) {
        <p class="ws-error" role="alert">{{ failure }}</p>
      }
      <div class="buttons">
        <button type="submit" data-testid="conflict-confirm" [disabled]="!ready() || busy()">
          {{ 'conflicts.action.' + a | translate }}
        </button>
        <button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | translate }}</button>
      </div>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      padding: 0.4rem 0.6rem 0.6rem;
      background: #f8f9fa;
      font-size: 0.85rem;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
    }
    input,
    select {
      font: inherit;
    }
    .suggestions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
    }
    .chip {
      font: inherit;
      font-size: 0.75rem;
      padding: 0.1rem 0.5rem;
      border: 1px solid #cbd2d9;
      border-radius: 1rem;
      background: #fff;
    }
    .buttons {
      display: flex;
      gap: 0.5rem;
    }
  `,
})
export class ConflictDecisionFormComponent {
  readonly conflict = input.required<ConflictDto>();
  readonly action = input.required<ConflictDecisionAction>();
  readonly zone = input.required<string>();
  readonly assignees = input<ConflictAssigneesDto | null>(null);
  readonly edits = input<readonly ConflictEditOption[]>([]);
  readonly busy = input(false);
  readonly failure = input<string | null>(null);
  readonly decided = output<ConflictDecisionEvent>();
  readonly cancelled = output<void>();

  private readonly translate = inject(TranslateService);
  protected readonly reasonKeys = ACCEPT_REASON_KEYS;
  protected readonly listId = `ws-reasons-${Math.random().toString(36).slice(2)}`;
  protected readonly text = signal('');
  protected readonly assignee = signal('');
  protected readonly edit = signal('');
  /** The edit picked, by default the latest. */
  protected readonly chosenEdit = computed(
    () => this.edits().find((e) => e.id === this.edit()) ?? this.edits()[0] ?? null,
  );
  protected readonly needsText = computed(() => this.action() === 'accept' || this.action() === 'escalate');
  protected readonly ready = computed(
    () => (!this.needsText() || this.text().trim() !== '') && (this.action() !== 'escalate' || this.assignee() !== ''),
  );

  /** The chosen edit as the API names it (none loaded: the server takes the latest). */
  private editReference(): { changeSetId?: string; auditEntryId?: string } {
    const chosen = this.chosenEdit();
    if (!chosen) return {};
    return chosen.changeSetId ? { changeSetId: chosen.changeSetId } : { auditEntryId: chosen.id };
  }

  protected suggest(key: string): void {
    this.text.set(this.translate.instant(key));
  }

  protected submit(): void {
    if (!this.ready()) return;
    const [kind, id] = this.assignee().split(':');
    const reason = this.text().trim();
    this.decided.emit({
      conflict: this.conflict(),
      action: this.action(),
      ...(reason ? { reason } : {}),
      ...(this.action() === 'escalate' && kind === 'user' ? { assigneeUserId: id } : {}),
      ...(this.action() === 'escalate' && kind === 'department' ? { assigneeDepartmentId: id } : {}),
      ...(this.action() === 'resolve' ? this.editReference() : {}),
    });
  }
}
