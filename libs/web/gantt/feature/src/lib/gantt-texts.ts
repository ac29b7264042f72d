import { ConflictDto, TaskDto } from '@worksite/shared-domain';
import { GanttModelTexts } from './gantt.store';

/** Translation keys the Gantt model needs, read once per language. */
export const GANTT_TEXT_KEYS = [
  'gantt.noCrew',
  'gantt.noLocation',
  'gantt.unknown',
  'gantt.holiday',
  ...(
    [
      'location-clash',
      'crew-double-booking',
      'dependency-violation',
      'constraint-violation',
      'blackout',
      'outside-working-time',
      'utility-interruption',
    ] satisfies ConflictDto['kind'][]
  ).map((kind) => `conflicts.kind.${kind}`),
];

export function ganttTexts(t: Record<string, string>): GanttModelTexts {
  return {
    noCrew: t['gantt.noCrew'],
    noLocation: t['gantt.noLocation'],
    unknown: t['gantt.unknown'],
    holiday: t['gantt.holiday'],
    conflictKind: (c) => t[`conflicts.kind.${c.kind}`] ?? c.kind,
  };
}

/** "plannedStart: 2026-12-01T00:00:00.000Z; title: …" — what a refused save wanted, so it is not lost. */
export function describeChanges(changes: Partial<TaskDto>): string {
  return Object.entries(changes)
    .map(([field, value]) => `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ')
    .slice(0, 600);
}
