import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import {
  ApiErrorDto,
  InterruptionKind,
  LocationKind,
  ScheduledTaskDto,
  TaskDto,
  TaskStatus,
} from '@worksite/shared-domain';
import { locationPath, ReferenceMaps } from '@worksite/web-planning-data-access';
import { StatusBadgeComponent, WorkingMinutesPipe, ZonedRangePipe } from '@worksite/web-shared-ui';
import { CLASH_FIELDS } from './edit-conflict';
import { buildTaskForm, materialGroup, problemsByField, TaskForm, taskChanges } from './task-form';

/**
 * Side panel to read and edit one task: work content, crew, location, times, materials and
 * tools, safety notes and the interruption it causes. Emits only the changed fields; the
 * API's validation problems come back through `problems` and show under their fields.
 */
@Component({
  selector: 'ws-task-panel',
  imports: [ReactiveFormsModule, TranslatePipe, StatusBadgeComponent, ZonedRangePipe, WorkingMinutesPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-panel.component.html',
  styleUrl: './task-panel.component.css',
  host: { '(keydown.escape)': 'closed.emit()' },
})
export class TaskPanelComponent {
  readonly task = input.required<ScheduledTaskDto>();
  readonly zone = input.required<string>();
  readonly refs = input.required<ReferenceMaps>();
  readonly editable = input(false);
  readonly saving = input(false);
  /** The task has an open make-ready constraint (its badge then says not ready). */
  readonly notReady = input(false);
  /** Problems of the last save (400 from the API). */
  readonly problems = input<ApiErrorDto['problems'] | null>(null);
  /** The message of the last failed save. */
  readonly failure = input<string | null>(null);

  readonly save = output<Partial<TaskDto>>();
  readonly closed = output<void>();

  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly statuses = Object.values(TaskStatus);
  protected readonly interruptionKinds = Object.values(InterruptionKind);

  /** A fresh form whenever another task (or a newer version of it) is shown. */
  protected readonly form = linkedSignal<TaskForm>(() => {
    const task = this.task();
    const form = buildTaskForm(this.fb, task, this.zone());
    if (!untracked(this.editable)) form.disable();
    return form;
  });
  private readonly taskId = computed(() => this.task().id);
  protected readonly shownProblems = computed(() => problemsByField(this.problems() ?? [], CLASH_FIELDS));
  protected readonly locationPath = computed(() => locationPath(this.refs(), this.task().locationId));
  protected readonly crewOptions = computed(() => {
    const refs = this.refs();
    return [...refs.crews.values()]
      .map((crew) => ({ id: crew.id, label: `${refs.departments.get(crew.departmentId)?.name ?? ''} · ${crew.name}` }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  });
  protected readonly locationOptions = computed(() => {
    const refs = this.refs();
    return [...refs.locations.values()]
      .map((l) => ({ id: l.id, kind: l.kind, label: locationPath(refs, l.id) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  });
  protected readonly cutLocationOptions = computed(() =>
    this.locationOptions().filter((l) => l.kind === LocationKind.Compound || l.kind === LocationKind.Building),
  );

  constructor() {
    effect(() => {
      const editable = this.editable();
      const form = this.form();
      if (editable) form.enable();
      else form.disable();
    });
    // Keyboard users land in the panel when it opens on a task.
    effect(() => {
      if (!this.taskId()) return;
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('h2')?.focus(), {
        injector: this.injector,
      });
    });
  }

  protected addMaterial(): void {
    this.form().controls.materials.push(materialGroup(this.fb));
  }

  protected removeMaterial(index: number): void {
    this.form().controls.materials.removeAt(index);
  }

  protected submit(): void {
    const form = this.form();
    form.markAllAsTouched();
    if (form.invalid || !this.editable()) return;
    const changes = taskChanges(form, this.task(), this.zone());
    if (Object.keys(changes).length > 0) this.save.emit(changes);
  }

  protected errorOf(field: string): string[] {
    return this.shownProblems().byField[field] ?? [];
  }
}
