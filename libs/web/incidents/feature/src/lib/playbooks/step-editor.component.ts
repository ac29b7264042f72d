import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { InterruptionKind } from '@worksite/shared-domain';
import { DepartmentRef } from '@worksite/web-planning-data-access';
import { StepDraft } from './playbook-draft';

/** One playbook step: title, department, duration as typed, what it waits for, materials, tools, safety. */
@Component({
  selector: 'ws-step-editor',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../incident-forms.css', './step-editor.component.css'],
  template: `
    @let s = step();
    <fieldset data-testid="playbook-step" [attr.data-key]="s.key">
      <legend>
        <span class="order">{{ index() + 1 }}</span>
        {{ s.title || ('incidents.playbooks.newStep' | translate) }}
      </legend>
      <div class="grid">
        <label class="wide">
          <span>{{ 'incidents.playbooks.stepTitle' | translate }} *</span>
          <input name="title" [value]="s.title" (input)="set('title', $any($event.target).value)" />
          @if (problem('title'); as key) {
            <small class="ws-error">{{ key | translate }}</small>
          }
        </label>
        <label>
          <span>{{ 'incidents.playbooks.department' | translate }} *</span>
          <select name="departmentId" (change)="set('departmentId', $any($event.target).value)">
            <option value="" [selected]="!s.departmentId">—</option>
            @for (d of departments(); track d.id) {
              <option [value]="d.id" [selected]="d.id === s.departmentId">{{ d.name }}</option>
            }
          </select>
          @if (problem('departmentId'); as key) {
            <small class="ws-error">{{ key | translate }}</small>
          }
        </label>
        <label>
          <span>{{ 'incidents.playbooks.duration' | translate }} *</span>
          <input
            name="duration"
            [value]="s.duration"
            [placeholder]="'incidents.playbooks.durationHint' | translate"
            (input)="set('duration', $any($event.target).value)"
          />
          @if (problem('duration'); as key) {
            <small class="ws-error">{{ key | translate }}</small>
          }
        </label>
        <label>
          <span>{{ 'incidents.playbooks.interruption' | translate }}</span>
          <select name="interruption" (change)="set('interruption', $any($event.target).value)">
            <option value="" [selected]="!s.interruption">{{ 'common.none' | translate }}</option>
            @for (kind of interruptions; track kind) {
              <option [value]="kind" [selected]="kind === s.interruption">
                {{ 'interruption.' + kind | translate }}
              </option>
            }
          </select>
        </label>
      </div>
      @if (others().length) {
        <div class="after" role="group" [attr.aria-label]="'incidents.playbooks.after' | translate">
          <span class="caption">{{ 'incidents.playbooks.after' | translate }}</span>
          @for (other of others(); track other.key) {
            <label class="check">
              <input type="checkbox" [checked]="s.after.includes(other.key)" (change)="toggleAfter(other.key)" />
              {{ other.title || other.key }}
            </label>
          }
        </div>
      }
      <div class="grid">
        <label class="wide">
          <span>{{ 'incidents.playbooks.content' | translate }}</span>
          <textarea rows="2" [value]="s.content" (input)="set('content', $any($event.target).value)"></textarea>
        </label>
        <label>
          <span>{{ 'incidents.playbooks.materials' | translate }}</span>
          <textarea
            rows="3"
            [value]="s.materials"
            [placeholder]="'incidents.playbooks.materialsHint' | translate"
            (input)="set('materials', $any($event.target).value)"
          ></textarea>
        </label>
        <label>
          <span>{{ 'incidents.playbooks.tools' | translate }}</span>
          <textarea
            rows="3"
            [value]="s.tools"
            [placeholder]="'incidents.playbooks.toolsHint' | translate"
            (input)="set('tools', $any($event.target).value)"
          ></textarea>
        </label>
        <label class="wide">
          <span>{{ 'incidents.playbooks.safetyNotes' | translate }}</span>
          <textarea rows="2" [value]="s.safetyNotes" (input)="set('safetyNotes', $any($event.target).value)"></textarea>
        </label>
      </div>
      <div class="tools">
        <button
          type="button"
          (click)="move.emit(-1)"
          [disabled]="index() === 0"
          [attr.aria-label]="'incidents.playbooks.up' | translate"
        >
          ↑
        </button>
        <button
          type="button"
          (click)="move.emit(1)"
          [disabled]="last()"
          [attr.aria-label]="'incidents.playbooks.down' | translate"
        >
          ↓
        </button>
        <button type="button" class="remove" (click)="remove.emit()">
          {{ 'incidents.playbooks.removeStep' | translate }}
        </button>
      </div>
    </fieldset>
  `,
})
export class StepEditorComponent {
  readonly step = input.required<StepDraft>();
  readonly index = input.required<number>();
  readonly last = input(false);
  /** The other steps (this one may wait for them). */
  readonly others = input.required<StepDraft[]>();
  readonly departments = input.required<DepartmentRef[]>();
  /** Problems of the draft by field (`steps.<index>.<field>` → translation key). */
  readonly problems = input<Record<string, string>>({});
  readonly showProblems = input(false);
  readonly changed = output<StepDraft>();
  readonly move = output<number>();
  readonly remove = output<void>();
  protected readonly interruptions = Object.values(InterruptionKind);

  protected problem(field: keyof StepDraft): string | null {
    return this.showProblems() ? (this.problems()[`steps.${this.index()}.${field}`] ?? null) : null;
  }

  protected set(field: keyof StepDraft, value: string): void {
    this.changed.emit({ ...this.step(), [field]: value });
  }

  protected toggleAfter(key: string): void {
    const after = this.step().after;
    this.changed.emit({
      ...this.step(),
      after: after.includes(key) ? after.filter((k) => k !== key) : [...after, key],
    });
  }
}
