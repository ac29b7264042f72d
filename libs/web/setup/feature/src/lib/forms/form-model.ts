/**
 * The generic form model of the setup screens: field definitions, client-side validation that
 * mirrors the API's DTO rules, and what a create (POST) or an edit (PATCH) sends. Pure
 * TypeScript (no Angular), so every rule is unit-tested.
 */

/** A translated message (a key of the web app's i18n files with its parameters) or a server text as is. */
export type FieldError = { key: string; params?: Record<string, unknown> } | { text: string };

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'select'
  | 'multiselect'
  | 'color'
  | 'date'
  | 'datetime'
  | 'password'
  | 'checkbox'
  | 'weekly';

export interface FieldOption {
  value: string;
  /** A translation key when `translate`, else the text shown. */
  label: string;
  translate?: boolean;
}

export type FormValues = Record<string, unknown>;
export type FormMode = 'create' | 'edit';

export interface FieldDef {
  key: string;
  /** Translation key of the label. */
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** Text: length limits; number: value limits. */
  min?: number;
  max?: number;
  /** Text must match it; `patternMessage` (a translation key) says how. */
  pattern?: RegExp;
  patternMessage?: string;
  /** Choices of a select or multiselect. */
  options?: () => FieldOption[];
  /** Shown only when this says so (e.g. the crews of a contractor user); hidden fields are not sent. */
  visible?: (values: FormValues, mode: FormMode) => boolean;
  /** Extra rule on the value (with all values, e.g. end after start). */
  check?: (value: unknown, values: FormValues) => FieldError | null;
  /** A hint under the field: translation key, or a function of the values giving a text. */
  hint?: string | ((values: FormValues) => FieldError);
  /** Empty means null (nullable API fields such as a project's end date). */
  nullable?: boolean;
  /** Not part of the edit form (e.g. the first password: changed through its own form). */
  createOnly?: boolean;
  /** Not editable once created (shown read-only). */
  fixedOnEdit?: boolean;
  /** Translation key of a select's empty choice. */
  placeholder?: string;
  /** Reads the field's value from a stored record (default: the property of the same name). */
  read?: (record: Record<string, unknown>) => unknown;
  /** Turns a (valid, non-empty) value into what the API takes, e.g. "3天" into working minutes. */
  write?: (value: unknown) => unknown;
  /** What the API takes for an empty field (e.g. [] for a list typed one item a line). */
  emptyValue?: unknown;
}

export type FieldErrors = Record<string, FieldError[]>;

export function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

export function fieldShown(field: FieldDef, values: FormValues, mode: FormMode): boolean {
  if (mode === 'edit' && field.createOnly) return false;
  return field.visible ? field.visible(values, mode) : true;
}

/** The problems of one field's value, in the order the API would list them. */
export function fieldErrors(field: FieldDef, values: FormValues): FieldError[] {
  const value = values[field.key];
  if (isEmpty(value)) {
    return field.required && field.kind !== 'checkbox' ? [{ key: 'setup.errors.required' }] : [];
  }
  const errors: FieldError[] = [];
  if (typeof value === 'string' && field.kind !== 'number') {
    if (field.min !== undefined && value.length < field.min) {
      errors.push({ key: 'setup.errors.minLength', params: { min: field.min } });
    }
    if (field.max !== undefined && value.length > field.max) {
      errors.push({ key: 'setup.errors.maxLength', params: { max: field.max } });
    }
    if (field.pattern && !field.pattern.test(value)) {
      errors.push({ key: field.patternMessage ?? 'setup.errors.format' });
    }
  }
  if (field.kind === 'number') {
    const number = Number(value);
    if (!Number.isInteger(number)) errors.push({ key: 'setup.errors.integer' });
    else if ((field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) {
      errors.push({ key: 'setup.errors.range', params: { min: field.min ?? '', max: field.max ?? '' } });
    }
  }
  if (field.kind === 'color' && !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(String(value))) {
    errors.push({ key: 'setup.errors.color' });
  }
  if (field.kind === 'date' && !isLocalDate(String(value))) errors.push({ key: 'setup.errors.date' });
  if (field.kind === 'datetime' && Number.isNaN(new Date(String(value)).getTime())) {
    errors.push({ key: 'setup.errors.datetime' });
  }
  const extra = field.check?.(value, values);
  if (extra) errors.push(extra);
  return errors;
}

/** Every shown field's problems; an empty object means the form may be sent. */
export function validateForm(fields: FieldDef[], values: FormValues, mode: FormMode): FieldErrors {
  const result: FieldErrors = {};
  for (const field of fields) {
    if (!fieldShown(field, values, mode) || (mode === 'edit' && field.fixedOnEdit)) continue;
    const errors = fieldErrors(field, values);
    if (errors.length) result[field.key] = errors;
  }
  return result;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The API's problems (`[{field, messages}]`, texts in the request's language) placed at their fields. */
export function serverErrors(problems: { field: string; messages: string[] }[] | undefined): FieldErrors {
  const result: FieldErrors = {};
  for (const problem of problems ?? []) {
    // Nested fields ("weeklyWindows.1.0.start") belong to the top-level field the form shows.
    const key = problem.field.split('.')[0];
    result[key] = [...(result[key] ?? []), ...problem.messages.map((text) => ({ text }))];
  }
  return result;
}

function isLocalDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The value of a field as the API takes it (numbers as numbers, datetimes as instants). */
function apiValue(field: FieldDef, value: unknown): unknown {
  if (isEmpty(value)) {
    if (field.emptyValue !== undefined) return field.emptyValue;
    if (field.kind === 'multiselect') return [];
    if (field.kind === 'checkbox') return false;
    return field.nullable ? null : undefined;
  }
  if (field.write) return field.write(value);
  switch (field.kind) {
    case 'number':
      return Number(value);
    case 'datetime':
      return new Date(String(value)).toISOString();
    case 'text':
    case 'textarea':
      return String(value).trim();
    default:
      return value;
  }
}

/** The form values of a stored record (datetimes for `datetime-local` inputs in the browser's zone). */
export function formValuesOf(fields: FieldDef[], record: Record<string, unknown> | null): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = record ? (field.read ? field.read(record) : record[field.key]) : undefined;
    if (field.kind === 'datetime') values[field.key] = value ? toLocalInput(String(value)) : '';
    else if (field.kind === 'multiselect') values[field.key] = Array.isArray(value) ? [...value] : [];
    else if (field.kind === 'checkbox') values[field.key] = value ?? true;
    else if (field.kind === 'number') values[field.key] = value === null || value === undefined ? '' : String(value);
    else values[field.key] = value ?? (field.kind === 'weekly' ? undefined : '');
  }
  return values;
}

/** "2027-06-20T07:00" in the browser's zone, as a datetime-local input shows an instant. */
export function toLocalInput(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** POST body: every shown field with a value. */
export function createBody(fields: FieldDef[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    if (!fieldShown(field, values, 'create')) continue;
    const value = apiValue(field, values[field.key]);
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) body[field.key] = value;
  }
  return body;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** PATCH body: the fields that differ from what was read, with the version that was read. */
export function updateBody(
  fields: FieldDef[],
  initial: FormValues,
  values: FormValues,
  version: number,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    if (!fieldShown(field, values, 'edit') || field.fixedOnEdit) continue;
    if (same(apiValue(field, initial[field.key]), apiValue(field, values[field.key]))) continue;
    const value = apiValue(field, values[field.key]);
    // A cleared optional text becomes "" (the API keeps no undefined); a cleared nullable field null.
    body[field.key] = value === undefined ? '' : value;
  }
  return { ...body, version };
}

/**
 * After a 409: the user's entries merged onto the version stored meanwhile. Fields the user
 * changed keep the user's value; the others take the stored value (so saving again does not
 * undo someone else's change to a field the user never touched).
 */
export function keepEdits(read: FormValues, typed: FormValues, stored: FormValues): FormValues {
  const merged: FormValues = { ...stored };
  for (const key of Object.keys(typed)) {
    if (!same(read[key], typed[key])) merged[key] = typed[key];
  }
  return merged;
}
