import {
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { ApiErrorDto, ScheduledTaskDto, TaskDto } from '@worksite/shared-domain';
import { instantOf, localDateOf, localTimeOf } from '@worksite/shared-util-time';

/** A `datetime-local` value (YYYY-MM-DDTHH:mm) in the project's zone. */
export function toLocalInput(iso: string | null, zone: string): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return `${localDateOf(t, zone)}T${localTimeOf(t, zone)}`;
}

/** The ISO instant of a `datetime-local` value in the project's zone ('' → null). */
export function fromLocalInput(value: string, zone: string): string | null {
  if (!value) return null;
  const [date, time] = value.split('T');
  return instantOf(date, time.slice(0, 5), zone).toISOString();
}

export type MaterialGroup = FormGroup<{
  name: FormControl<string>;
  quantity: FormControl<number | null>;
  unit: FormControl<string>;
}>;

export type TaskForm = ReturnType<typeof buildTaskForm>;

/** Finish after start (the API checks it too; saying it here saves a round trip). */
function finishAfterStart(group: {
  value: { plannedStart?: string; plannedFinish?: string };
}): ValidationErrors | null {
  const { plannedStart, plannedFinish } = group.value;
  return plannedStart && plannedFinish && plannedFinish < plannedStart ? { finishBeforeStart: true } : null;
}

export function materialGroup(fb: NonNullableFormBuilder, m?: TaskDto['materials'][number]): MaterialGroup {
  return fb.group({
    name: fb.control(m?.name ?? '', [Validators.required, Validators.maxLength(200)]),
    quantity: new FormControl<number | null>(m?.quantity ?? null, Validators.min(0)),
    unit: fb.control(m?.unit ?? '', Validators.maxLength(20)),
  });
}

/** The side panel's form, filled from a task in its project's zone. */
export function buildTaskForm(fb: NonNullableFormBuilder, task: ScheduledTaskDto, zone: string) {
  return fb.group(
    {
      title: fb.control(task.title, [Validators.required, Validators.maxLength(200)]),
      content: fb.control(task.content, Validators.maxLength(5000)),
      crewId: fb.control(task.crewId ?? ''),
      locationId: fb.control(task.locationId ?? ''),
      plannedStart: fb.control(toLocalInput(task.plannedStart, zone), Validators.required),
      plannedFinish: fb.control(toLocalInput(task.plannedFinish, zone), Validators.required),
      status: fb.control(task.status),
      progress: fb.control(task.progress, [Validators.required, Validators.min(0), Validators.max(100)]),
      materials: new FormArray<MaterialGroup>(task.materials.map((m) => materialGroup(fb, m))),
      tools: fb.control(task.tools.join('\n')),
      safetyNotes: fb.control(task.safetyNotes, Validators.maxLength(5000)),
      interruptionKind: fb.control(task.interruptionKind ?? ''),
      interruptionStartsAt: fb.control(toLocalInput(task.interruptionStartsAt, zone)),
      interruptionEndsAt: fb.control(toLocalInput(task.interruptionEndsAt, zone)),
      interruptionLocationIds: fb.control<string[]>([...task.interruptionLocationIds]),
    },
    { validators: finishAfterStart },
  );
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only what the user changed, as the PATCH body wants it: ids or null, ISO instants, lists.
 * Sending unchanged fields would move nothing but could trip a rule the user did not touch.
 */
export function taskChanges(form: TaskForm, task: ScheduledTaskDto, zone: string): Partial<TaskDto> {
  const v = form.getRawValue();
  const changes: Partial<TaskDto> = {};
  if (v.title.trim() !== task.title) changes.title = v.title.trim();
  if (v.content !== task.content) changes.content = v.content;
  if ((v.crewId || null) !== task.crewId) changes.crewId = v.crewId || null;
  if ((v.locationId || null) !== task.locationId) changes.locationId = v.locationId || null;
  const start = fromLocalInput(v.plannedStart, zone);
  const finish = fromLocalInput(v.plannedFinish, zone);
  if (start && v.plannedStart !== toLocalInput(task.plannedStart, zone)) changes.plannedStart = start;
  if (finish && v.plannedFinish !== toLocalInput(task.plannedFinish, zone)) changes.plannedFinish = finish;
  if (v.status !== task.status) changes.status = v.status;
  if (v.progress !== task.progress) changes.progress = v.progress;
  const materials = v.materials.map((m) => ({
    name: m.name.trim(),
    ...(m.quantity !== null && (m.quantity as unknown) !== '' ? { quantity: Number(m.quantity) } : {}),
    ...(m.unit.trim() ? { unit: m.unit.trim() } : {}),
  }));
  if (!sameList(materials, task.materials)) changes.materials = materials;
  const tools = v.tools
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);
  if (!sameList(tools, task.tools)) changes.tools = tools;
  if (v.safetyNotes !== task.safetyNotes) changes.safetyNotes = v.safetyNotes;
  const kind = v.interruptionKind || null;
  const cutStart = kind ? fromLocalInput(v.interruptionStartsAt, zone) : null;
  const cutEnd = kind ? fromLocalInput(v.interruptionEndsAt, zone) : null;
  if (kind !== task.interruptionKind) changes.interruptionKind = kind;
  if (cutStart !== (task.interruptionStartsAt && new Date(task.interruptionStartsAt).toISOString()))
    changes.interruptionStartsAt = cutStart;
  if (cutEnd !== (task.interruptionEndsAt && new Date(task.interruptionEndsAt).toISOString()))
    changes.interruptionEndsAt = cutEnd;
  const cutLocations = kind ? v.interruptionLocationIds : [];
  if (!sameList([...cutLocations].sort(), [...task.interruptionLocationIds].sort()))
    changes.interruptionLocationIds = cutLocations;
  return changes;
}

/** The API's problems by form field ('materials.0.name' → 'materials'), and those of no field. */
export function problemsByField(
  problems: ApiErrorDto['problems'],
  fields: readonly string[],
): { byField: Record<string, string[]>; other: string[] } {
  const byField: Record<string, string[]> = {};
  const other: string[] = [];
  for (const problem of problems ?? []) {
    const field = problem.field.split(/[.[]/)[0];
    if (fields.includes(field)) (byField[field] ??= []).push(...problem.messages);
    else other.push(...problem.messages.map((m) => (problem.field ? `${problem.field}: ${m}` : m)));
  }
  return { byField, other };
}
