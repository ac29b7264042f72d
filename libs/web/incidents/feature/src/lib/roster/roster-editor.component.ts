import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { OnCallRosterDto } from '@worksite/shared-domain';
import { ApiFailure } from '@worksite/web-core-data-access';
import { CrewRef } from '@worksite/web-planning-data-access';
import { IncidentsApi } from '../data/incidents-api';
import { nextShift, RosterDraft, rosterDraft, rosterProblems, rosterRequest, ShiftDraft } from './roster-draft';

/** Edits one department's roster: duty lead and phone, the default crew, the duty periods. */
@Component({
  selector: 'ws-roster-editor',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../incident-forms.css', './roster-editor.component.css'],
  template: `
    @let d = draft();
    <form (submit)="$event.preventDefault(); save()" data-testid="roster-form" novalidate>
      <div class="grid">
        <label>
          <span>{{ 'incidents.roster.dutyLead' | translate }}</span>
          <input
            name="dutyLeadName"
            [value]="d.dutyLeadName"
            (input)="set({ dutyLeadName: $any($event.target).value })"
          />
        </label>
        <label>
          <span>{{ 'incidents.roster.dutyLeadPhone' | translate }}</span>
          <input
            name="dutyLeadPhone"
            type="tel"
            [value]="d.dutyLeadPhone"
            (input)="set({ dutyLeadPhone: $any($event.target).value })"
          />
        </label>
        <label>
          <span>{{ 'incidents.roster.defaultCrew' | translate }}</span>
          <select name="defaultCrewId" (change)="set({ defaultCrewId: $any($event.target).value })">
            <option value="" [selected]="!d.defaultCrewId">{{ 'incidents.roster.nobody' | translate }}</option>
            @for (crew of crews(); track crew.id) {
              <option [value]="crew.id" [selected]="crew.id === d.defaultCrewId">{{ crew.name }}</option>
            }
          </select>
        </label>
      </div>
      <h4>{{ 'incidents.roster.shifts' | translate }}</h4>
      <ol class="shifts">
        @for (shift of d.shifts; track $index; let i = $index) {
          <li data-testid="roster-shift">
            <select
              [attr.aria-label]="'incidents.roster.crew' | translate"
              (change)="setShift(i, { crewId: $any($event.target).value })"
            >
              <option value="" [selected]="!shift.crewId">—</option>
              @for (crew of crews(); track crew.id) {
                <option [value]="crew.id" [selected]="crew.id === shift.crewId">{{ crew.name }}</option>
              }
            </select>
            <input
              type="datetime-local"
              [attr.aria-label]="'incidents.roster.from' | translate"
              [value]="shift.startsAt"
              (change)="setShift(i, { startsAt: $any($event.target).value })"
            />
            <input
              type="datetime-local"
              [attr.aria-label]="'incidents.roster.to' | translate"
              [value]="shift.endsAt"
              (change)="setShift(i, { endsAt: $any($event.target).value })"
            />
            <button
              type="button"
              (click)="removeShift(i)"
              [attr.aria-label]="'incidents.roster.removeShift' | translate"
            >
              ✕
            </button>
            @if (tried() && (problems()['shifts.' + i + '.crewId'] || problems()['shifts.' + i + '.endsAt']); as key) {
              <small class="ws-error">{{ key | translate }}</small>
            }
          </li>
        }
      </ol>
      <div class="actions">
        <button type="button" (click)="addShift()">+ {{ 'incidents.roster.addShift' | translate }}</button>
        <button type="submit" class="ws-primary" [disabled]="saving()" data-testid="save-roster">
          {{ (saving() ? 'common.saving' : 'common.save') | translate }}
        </button>
        <button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | translate }}</button>
      </div>
      @if (failure(); as error) {
        <div role="alert" class="ws-error">
          <p>{{ error.message }}</p>
          @for (problem of error.problems ?? []; track $index) {
            <p>{{ problem.field }}: {{ problem.messages.join('; ') }}</p>
          }
        </div>
      }
    </form>
  `,
})
export class RosterEditorComponent {
  private readonly api = inject(IncidentsApi);
  readonly roster = input.required<OnCallRosterDto>();
  /** The department's crews. */
  readonly crews = input.required<CrewRef[]>();
  readonly zone = input.required<string>();
  readonly saved = output<OnCallRosterDto>();
  readonly cancelled = output<void>();

  private readonly edited = signal<RosterDraft | null>(null);
  protected readonly draft = computed(() => this.edited() ?? rosterDraft(this.roster(), this.zone()));
  protected readonly problems = computed(() => rosterProblems(this.draft()));
  protected readonly tried = signal(false);
  protected readonly saving = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected set(change: Partial<RosterDraft>): void {
    this.edited.set({ ...this.draft(), ...change });
  }

  protected setShift(index: number, change: Partial<ShiftDraft>): void {
    this.set({ shifts: this.draft().shifts.map((s, at) => (at === index ? { ...s, ...change } : s)) });
  }

  protected addShift(): void {
    const draft = this.draft();
    const crewId = draft.defaultCrewId || this.crews()[0]?.id || '';
    this.set({ shifts: [...draft.shifts, nextShift(draft, crewId, Date.now(), this.zone())] });
  }

  protected removeShift(index: number): void {
    this.set({ shifts: this.draft().shifts.filter((_, at) => at !== index) });
  }

  protected async save(): Promise<void> {
    this.tried.set(true);
    if (Object.keys(this.problems()).length || this.saving()) return;
    this.saving.set(true);
    this.failure.set(null);
    try {
      const saved = await this.api.saveRoster(this.roster().departmentId, rosterRequest(this.draft(), this.zone()));
      this.edited.set(null);
      this.saved.emit(saved);
    } catch (error) {
      this.failure.set(error as ApiFailure);
    } finally {
      this.saving.set(false);
    }
  }
}
