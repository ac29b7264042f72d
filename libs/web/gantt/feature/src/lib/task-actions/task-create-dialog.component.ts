import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { formatDuration, parseDuration } from '@worksite/plan-notation';
import { ProjectDto, TaskDto, WorkStepDto } from '@worksite/shared-domain';
import { CreateTaskRequest, locationPath, ReferenceMaps } from '@worksite/web-planning-data-access';
import { WorkingMinutesPipe } from '@worksite/web-shared-ui';
import { draftFromStep, placementStart } from './task-drafts';

/** What the dialog asks the store to create, and after which task to link it (FS). */
export interface CreateTaskEvent {
  request: CreateTaskRequest;
  linkAfter: string | null;
}

/**
 * The "new task" dialog: a standard work step (or none), title, department, crew and location
 * (defaults: the selected task's), working time typed as "3天" / "4h", and where the task goes — after the selected
 * task (optionally linked finish-to-start) or at the project start.
 */
@Component({
  selector: 'ws-task-create-dialog',
  imports: [TranslatePipe, WorkingMinutesPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'cancelled.emit()' },
  template: `
    <div class="backdrop"></div>
    <form
      class="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="ws-new-task-title"
      data-testid="new-task-dialog"
      (submit)="$event.preventDefault(); submit()"
    >
      <h2 id="ws-new-task-title">{{ 'taskActions.newTask' | translate }}</h2>
      <label>
        {{ 'taskActions.workStep' | translate }}
        <select #first data-testid="work-step" (change)="pickStep($any($event.target).value)">
          <option value="">{{ 'taskActions.blank' | translate }}</option>
          @for (s of steps() ?? []; track s.id) {
            <option [value]="s.id" [selected]="s.id === stepId()">{{ s.name }}</option>
          }
        </select>
      </label>
      @if (step(); as s) {
        <p class="step" data-testid="work-step-summary">
          {{ s.durationMinutes | wsMinutes }} ·
          {{ 'taskActions.materialsCount' | translate: { count: s.materials.length } }} · {{ s.tools.join('、') }}
        </p>
      }
      <label>
        {{ 'taskActions.title' | translate }}
        <input
          data-testid="dialog-title"
          required
          maxlength="200"
          [value]="title()"
          (input)="title.set($any($event.target).value)"
        />
      </label>
      <div class="row">
        <label>
          {{ 'taskActions.department' | translate }}
          <select data-testid="dialog-department" required (change)="pickDepartment($any($event.target).value)">
            <option value="" [selected]="!departmentId()">—</option>
            @for (d of departments(); track d.id) {
              <option [value]="d.id" [selected]="d.id === departmentId()">{{ d.name }}</option>
            }
          </select>
        </label>
        <label>
          {{ 'taskActions.crew' | translate }}
          <select data-testid="dialog-crew" (change)="crewId.set($any($event.target).value || null)">
            <option value="" [selected]="!crewId()">{{ 'taskActions.noCrew' | translate }}</option>
            @for (c of crews(); track c.id) {
              <option [value]="c.id" [selected]="c.id === crewId()">{{ c.name }}（{{ c.leaderName }}）</option>
            }
          </select>
        </label>
      </div>
      <div class="row">
        <label>
          {{ 'taskActions.location' | translate }}
          <select data-testid="dialog-location" (change)="locationId.set($any($event.target).value || null)">
            <option value="" [selected]="!locationId()">{{ 'taskActions.noLocation' | translate }}</option>
            @for (l of locations(); track l.id) {
              <option [value]="l.id" [selected]="l.id === locationId()">{{ l.path }}</option>
            }
          </select>
        </label>
        <label class="hours">
          {{ 'taskActions.hours' | translate }}
          <input
            data-testid="dialog-hours"
            required
            placeholder="1天 · 4小时 · 2d"
            [attr.aria-invalid]="duration().ok ? null : 'true'"
            [value]="durationText()"
            (input)="durationText.set($any($event.target).value)"
          />
          @if (!duration().ok && durationText().trim()) {
            <small class="error" data-testid="dialog-duration-error">{{
              'taskActions.durationInvalid' | translate
            }}</small>
          }
        </label>
      </div>
      <fieldset>
        <legend>{{ 'taskActions.placement' | translate }}</legend>
        @if (anchor(); as a) {
          <label class="check">
            <input
              type="radio"
              name="placement"
              [checked]="after()"
              (change)="after.set(true)"
              data-testid="place-after"
            />
            {{ 'taskActions.placeAfter' | translate: { title: a.title } }}
          </label>
          @if (after()) {
            <label class="check nested">
              <input
                type="checkbox"
                [checked]="link()"
                (change)="link.set($any($event.target).checked)"
                data-testid="link-fs"
              />
              {{ 'taskActions.linkFs' | translate }}
            </label>
          }
        }
        <label class="check">
          <input
            type="radio"
            name="placement"
            [checked]="!after()"
            (change)="after.set(false)"
            data-testid="place-start"
          />
          {{ 'taskActions.placeStart' | translate: { date: project().startDate } }}
        </label>
      </fieldset>
      <div class="actions">
        <button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | translate }}</button>
        <button type="submit" class="primary" [disabled]="!valid() || busy()" data-testid="create-task">
          {{ (busy() ? 'common.saving' : 'taskActions.create') | translate }}
        </button>
      </div>
    </form>
  `,
  styleUrl: './task-dialog.css',
})
export class TaskCreateDialogComponent {
  readonly project = input.required<ProjectDto>();
  readonly refs = input.required<ReferenceMaps>();
  /** The selected task: the new one can go after it; its department, crew and location are the defaults. */
  readonly anchor = input<TaskDto | null>(null);
  readonly steps = input<WorkStepDto[] | null>(null);
  readonly busy = input(false);
  /** Working minutes of the project's day: what "1天" / "1d" means. */
  readonly minutesPerDay = input(480);
  readonly create = output<CreateTaskEvent>();
  readonly cancelled = output<void>();

  protected readonly stepId = signal<string | null>(null);
  protected readonly title = signal('');
  /** The duration as typed: "3天", "4小时", "2d", "4h" (working time). */
  protected readonly durationText = linkedSignal(() => formatDuration(this.minutesPerDay(), this.minutesPerDay()));
  protected readonly duration = computed(() => parseDuration(this.durationText(), this.minutesPerDay()));
  protected readonly departmentId = linkedSignal(() => this.anchor()?.departmentId ?? null);
  protected readonly crewId = linkedSignal(() => this.anchor()?.crewId ?? null);
  protected readonly locationId = linkedSignal(() => this.anchor()?.locationId ?? null);
  protected readonly after = linkedSignal(() => this.anchor() !== null);
  protected readonly link = signal(true);

  protected readonly step = computed(() => (this.steps() ?? []).find((s) => s.id === this.stepId()) ?? null);
  protected readonly departments = computed(() =>
    [...this.refs().departments.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  );
  protected readonly crews = computed(() =>
    [...this.refs().crews.values()].filter((crew) => crew.departmentId === this.departmentId()),
  );
  protected readonly locations = computed(() =>
    [...this.refs().locations.values()]
      .map((l) => ({ id: l.id, path: locationPath(this.refs(), l.id) }))
      .sort((a, b) => a.path.localeCompare(b.path, 'zh-CN')),
  );
  protected readonly valid = computed(() => !!this.title().trim() && !!this.departmentId() && this.duration().ok);

  private readonly first = viewChild<ElementRef<HTMLSelectElement>>('first');

  constructor() {
    // Keyboard users start in the dialog (Escape closes it, Tab stays among its fields).
    afterNextRender(() => this.first()?.nativeElement.focus());
    // A department the user cannot see (or none) leaves the choice open.
    effect(() => {
      const id = this.departmentId();
      if (id && !this.refs().departments.has(id)) untracked(() => this.departmentId.set(null));
    });
  }

  protected pickStep(id: string): void {
    const step = (this.steps() ?? []).find((s) => s.id === id) ?? null;
    this.stepId.set(step?.id ?? null);
    if (!step) return;
    this.title.set(step.name);
    this.durationText.set(formatDuration(step.durationMinutes, this.minutesPerDay()));
    if (
      step.departmentId &&
      step.departmentId !== this.departmentId() &&
      this.refs().departments.has(step.departmentId)
    ) {
      this.pickDepartment(step.departmentId);
    }
  }

  protected pickDepartment(id: string): void {
    this.departmentId.set(id || null);
    const crew = this.crewId() && this.refs().crews.get(this.crewId() as string);
    if (crew && crew.departmentId !== id) this.crewId.set(null);
  }

  protected submit(): void {
    const duration = this.duration();
    if (!this.valid() || !duration.ok) return;
    const anchor = this.after() ? this.anchor() : null;
    const placement = anchor ? { after: anchor, link: this.link() } : { after: null };
    const request = draftFromStep(
      this.step(),
      {
        projectId: this.project().id,
        title: this.title().trim(),
        durationMinutes: duration.minutes,
        plannedStart: placementStart(placement, this.project()),
      },
      { departmentId: this.departmentId() as string, crewId: this.crewId(), locationId: this.locationId() },
    );
    this.create.emit({ request, linkAfter: anchor && this.link() ? anchor.id : null });
  }
}
