import { formatDuration, parseDuration } from '@worksite/plan-notation';
import { FieldDef, FieldError } from './form-model';

/**
 * A working day of the standard calendar (08:00–12:00 and 14:00–18:00): work steps belong to no
 * project, so "1天" in their usual duration is 8 working hours.
 */
export const STANDARD_DAY_MINUTES = 480;

/** One material as the API keeps it. */
export interface Material {
  name: string;
  quantity?: number;
  unit?: string;
}

const lines = (text: unknown) =>
  String(text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** "YJV22 电缆 120 m" → name, quantity and unit; a line without a number at its end is a name only. */
export function materialOfLine(line: string): Material {
  const match = /^(.+?)\s+(\d+(?:\.\d+)?)\s*([^\s\d][^\s]*)?$/.exec(line.trim());
  if (!match) return { name: line.trim() };
  return { name: match[1], quantity: Number(match[2]), ...(match[3] ? { unit: match[3] } : {}) };
}

export function materialLine(material: Material): string {
  return [material.name, material.quantity ?? '', material.unit ?? ''].filter((part) => part !== '').join(' ');
}

/** Usual working time typed as planners do ("3d", "4h", "3天", "半天"), stored as working minutes. */
export function durationField(key: string, label: string, language: () => string): FieldDef {
  return {
    key,
    label,
    kind: 'text',
    required: true,
    max: 40,
    hint: 'setup.workSteps.durationHint',
    read: (record) =>
      typeof record[key] === 'number' ? formatDuration(record[key] as number, STANDARD_DAY_MINUTES, language()) : '',
    check: (value) => {
      const parsed = parseDuration(String(value), STANDARD_DAY_MINUTES);
      return parsed.ok ? null : { key: `setup.workSteps.durationErrors.${parsed.error.kind}` };
    },
    write: (value) => {
      const parsed = parseDuration(String(value), STANDARD_DAY_MINUTES);
      return parsed.ok ? parsed.minutes : value;
    },
  };
}

/** A list typed one item a line (tools); each at most `max` characters. */
export function linesField(key: string, label: string, max: number, hint: string): FieldDef {
  return {
    key,
    label,
    kind: 'textarea',
    hint,
    emptyValue: [],
    read: (record) => (Array.isArray(record[key]) ? (record[key] as string[]).join('\n') : ''),
    check: (value): FieldError | null =>
      lines(value).some((line) => line.length > max) ? { key: 'setup.workSteps.lineTooLong', params: { max } } : null,
    write: (value) => lines(value),
  };
}

/** Materials typed one a line: "名称 数量 单位" ("动力电缆YJV22-4×35 135 米"). */
export function materialsField(key: string, label: string): FieldDef {
  return {
    key,
    label,
    kind: 'textarea',
    hint: 'setup.workSteps.materialsHint',
    emptyValue: [],
    read: (record) => (Array.isArray(record[key]) ? (record[key] as Material[]).map(materialLine).join('\n') : ''),
    check: (value): FieldError | null =>
      lines(value)
        .map(materialOfLine)
        .some((m) => m.name.length > 200 || (m.unit?.length ?? 0) > 20)
        ? { key: 'setup.workSteps.materialTooLong' }
        : null,
    write: (value) => lines(value).map(materialOfLine),
  };
}
