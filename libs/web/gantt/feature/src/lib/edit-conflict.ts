import { TaskDto } from '@worksite/shared-domain';
import { localDateOf, localTimeOf } from '@worksite/shared-util-time';
import { locationPath, ReferenceMaps } from '@worksite/web-planning-data-access';

/** The fields of a task a person edits in the panel (its problems shown at them), compared after a 409. */
export const CLASH_FIELDS = [
  'title',
  'content',
  'crewId',
  'locationId',
  'plannedStart',
  'plannedFinish',
  'durationMinutes',
  'status',
  'progress',
  'materials',
  'tools',
  'safetyNotes',
  'interruptionKind',
  'interruptionStartsAt',
  'interruptionEndsAt',
  'interruptionLocationIds',
] as const satisfies readonly (keyof TaskDto)[];
type ClashField = (typeof CLASH_FIELDS)[number];

/** One field of a refused save: what it was, what the other person made it, what this user typed. */
export interface FieldClash {
  field: ClashField;
  /** The server's value now, in words. */
  theirs: string;
  /** What this user typed, in words; null when they did not change the field. */
  mine: string | null;
  /** Whether the other person changed the field (else only this user did). */
  theyChanged: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * After a 409: field by field, what the other person changed (the fresh copy against the version
 * this user had read) and what this user wanted to save. Fields both left alone are not listed;
 * the other person's changes come first.
 */
export function editClashes(
  base: TaskDto,
  fresh: TaskDto,
  mine: Partial<TaskDto>,
  say: (field: ClashField, value: unknown) => string,
): FieldClash[] {
  const clashes: FieldClash[] = [];
  for (const field of CLASH_FIELDS) {
    const theyChanged = !same(base[field], fresh[field]);
    const typed = Object.prototype.hasOwnProperty.call(mine, field);
    if (!theyChanged && !typed) continue;
    // Typed the very value the other person saved: nothing to decide.
    if (typed && same(mine[field], fresh[field])) continue;
    clashes.push({
      field,
      theirs: say(field, fresh[field]),
      mine: typed ? say(field, mine[field]) : null,
      theyChanged,
    });
  }
  return clashes.sort((a, b) => Number(b.theyChanged) - Number(a.theyChanged));
}

/** A value in words: names for crews and places, local date and time, lists joined, '—' for none. */
export function sayValue(
  refs: ReferenceMaps,
  zone: string,
  status: (value: string) => string,
): (field: ClashField, value: unknown) => string {
  return (field, value) => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'crewId') return refs.crews.get(String(value))?.name ?? String(value);
    if (field === 'locationId') return locationPath(refs, String(value)) || String(value);
    if (field === 'interruptionLocationIds') {
      return (value as string[]).map((id) => locationPath(refs, id) || id).join('、') || '—';
    }
    if (field === 'status') return status(String(value));
    if (
      field === 'plannedStart' ||
      field === 'plannedFinish' ||
      field === 'interruptionStartsAt' ||
      field === 'interruptionEndsAt'
    ) {
      const t = Date.parse(String(value));
      return Number.isNaN(t) ? String(value) : `${localDateOf(t, zone)} ${localTimeOf(t, zone)}`;
    }
    if (field === 'materials') {
      return (
        (value as TaskDto['materials'])
          .map((m) => [m.name, m.quantity, m.unit].filter((part) => part !== undefined && part !== '').join(' '))
          .join('、') || '—'
      );
    }
    if (Array.isArray(value)) return value.join('、') || '—';
    return String(value);
  };
}
