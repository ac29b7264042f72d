import { CONFLICT_KINDS, DependencyType, TaskDto } from '@worksite/shared-domain';
import { localDateOf, localTimeOf } from '@worksite/shared-util-time';
import type { GanttModelTexts } from './gantt.store';

/** The side panel's label of each task field the web app changes. */
const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  content: 'content',
  plannedStart: 'plannedStart',
  plannedFinish: 'plannedFinish',
  crewId: 'crew',
  locationId: 'location',
  status: 'status',
  progress: 'progress',
  materials: 'materials',
  tools: 'tools',
  safetyNotes: 'safetyNotes',
  interruptionKind: 'interruption',
  interruptionStartsAt: 'interruption',
  interruptionEndsAt: 'interruption',
  interruptionLocationIds: 'interruption',
};

/** Translation keys the Gantt model needs, read once per language. */
export const GANTT_TEXT_KEYS = [
  'gantt.noCrew',
  'gantt.noLocation',
  'gantt.unknown',
  'gantt.holiday',
  ...CONFLICT_KINDS.map((kind) => `conflicts.kind.${kind}`),
  ...[...new Set(Object.values(FIELD_LABELS))].map((field) => `taskPanel.fields.${field}`),
  ...Object.values(DependencyType).map((type) => `ganttLink.types.${type}`),
];

export function ganttTexts(t: Record<string, string>): GanttModelTexts {
  return {
    noCrew: t['gantt.noCrew'],
    noLocation: t['gantt.noLocation'],
    unknown: t['gantt.unknown'],
    holiday: t['gantt.holiday'],
    conflictKind: (c) => t[`conflicts.kind.${c.kind}`] ?? c.kind,
    fieldLabel: (field) => t[`taskPanel.fields.${FIELD_LABELS[field] ?? field}`] ?? field,
  };
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * "计划开始: 2026-12-01 08:00; 标题: …" — what a refused save wanted (times in the project's
 * zone), shown with the 409 so the user can make the change again and nothing is lost silently.
 */
export function describeChanges(
  changes: Partial<TaskDto>,
  zone: string,
  label: (field: string) => string = (field) => field,
): string {
  const show = (value: unknown): string => {
    if (typeof value === 'string' && INSTANT.test(value)) {
      const t = Date.parse(value);
      return `${localDateOf(t, zone)} ${localTimeOf(t, zone)}`;
    }
    if (Array.isArray(value))
      return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、');
    return value === null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  return Object.entries(changes)
    .map(([field, value]) => `${label(field)}: ${show(value)}`)
    .join('; ')
    .slice(0, 600);
}
