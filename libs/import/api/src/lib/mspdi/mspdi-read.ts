import { ImportLinkRow, ImportTaskRow } from '@worksite/import-domain';
import { ConstraintType } from '@worksite/shared-domain';
import { XMLParser } from 'fast-xml-parser';
import { MspdiCalendar, readCalendars } from './mspdi-calendar';

export type { MspdiCalendar } from './mspdi-calendar';

/** MS Project's link types by their MSPDI number. */
const LINK_TYPES: Record<string, string> = { '0': 'FF', '1': 'FS', '2': 'SF', '3': 'SS' };
/** LagFormat values in elapsed time (em, eh, ed, ew, emo, and their estimated forms). */
const ELAPSED_FORMATS = new Set(['4', '6', '8', '10', '12', '36', '38', '40', '42', '44']);
/** LagFormat values that are percentages of the predecessor's duration. */
const PERCENT_FORMATS = new Set(['19', '20', '51', '52']);

export class MspdiError extends Error {}

type Node = Record<string, unknown>;
const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/** Working minutes of an MSPDI duration (PT8H30M0S, P1DT2H…): days count 24 h of the file's clock, as MS Project writes them. */
export function minutesOfDuration(value: string): number | null {
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    value,
  );
  if (!match) return null;
  const [, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return Math.round(days * 24 * 60 + hours * 60 + minutes + seconds / 60);
}

/** Something of the file the import holds differently, or not at all: a line of the report. */
export interface MspdiNote {
  row: number;
  code: string;
  key:
    | 'mspdi_constraint_dropped'
    | 'mspdi_constraint_converted'
    | 'mspdi_task_calendar_ignored'
    | 'mspdi_calendar_extra_hours'
    | 'mspdi_calendar_recurring_skipped';
  params: Record<string, string | number>;
}

/** What an MSPDI file holds for an import: its tasks and links as import rows, and what was left out. */
export interface MspdiImport {
  name: string;
  tasks: ImportTaskRow[];
  links: ImportLinkRow[];
  /** Summary tasks: we have no groups, so they are left out (their links too, reported as unknown). */
  skippedSummaries: { uid: string; name: string }[];
  calendar: MspdiCalendar | null;
  notes: MspdiNote[];
}

/** MSPDI ConstraintType numbers by name. */
const CONSTRAINT_NAMES = ['ASAP', 'ALAP', 'MSO', 'MFO', 'SNET', 'SNLT', 'FNET', 'FNLT'];

/**
 * Reads an MS Project XML (MSPDI) file: tasks (UID as the import code, ID as the row the
 * report names), durations (PT8H0M0S), manual tasks at their dates, start constraints
 * (MSO/SNET: the task is held at its start; ASAP tasks follow their links from the project
 * start), FS/SS/FF/SF links with LinkLag in tenths of minutes. Elapsed and percentage lags
 * are passed on in a notation the import refuses with a clear message.
 */
export function readMspdi(xml: string): MspdiImport {
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => ['Task', 'PredecessorLink'].includes(name),
  });
  let document: Node;
  try {
    document = parser.parse(xml) as Node;
  } catch (error) {
    throw new MspdiError(`not XML (${(error as Error).message.slice(0, 120)})`);
  }
  const project = document['Project'] as Node | undefined;
  if (!project || typeof project !== 'object') throw new MspdiError('not an MS Project XML file (no <Project>)');
  const tasks = ((project['Tasks'] as Node | undefined)?.['Task'] as Node[] | undefined) ?? [];
  const rows: ImportTaskRow[] = [];
  const links: ImportLinkRow[] = [];
  const skippedSummaries: MspdiImport['skippedSummaries'] = [];
  const notes: MspdiNote[] = [];
  const calendars = readCalendars(project);
  const projectCalendarUid = text(project['CalendarUID']);
  const calendar = calendars.get(projectCalendarUid) ?? [...calendars.values()][0] ?? null;
  for (const task of tasks) {
    const uid = text(task['UID']);
    if (uid === '0' || text(task['IsNull']) === '1') continue;
    if (text(task['Summary']) === '1') {
      skippedSummaries.push({ uid, name: text(task['Name']) });
      continue;
    }
    const row = Number(text(task['ID'])) || rows.length + 1;
    const manual = text(task['Manual']) === '1';
    const duration = minutesOfDuration(text(task['Duration']));
    const predecessors = (task['PredecessorLink'] as Node[] | undefined) ?? [];
    const held = heldAs(task, manual, row, uid, notes);
    const start = held.start;
    const taskCalendar = calendars.get(text(task['CalendarUID']));
    if (taskCalendar && calendar && taskCalendar.uid !== calendar.uid && !sameCalendar(taskCalendar, calendar)) {
      notes.push({ row, code: uid, key: 'mspdi_task_calendar_ignored', params: { calendar: taskCalendar.name } });
    }
    rows.push({
      row,
      code: uid,
      title: text(task['Name']) || `#${uid}`,
      ...(manual ? { start: text(task['Start']), finish: text(task['Finish']), mode: 'manual' } : {}),
      ...(!manual && start ? { start } : {}),
      ...(!manual && !start && predecessors.length === 0 ? { start: text(task['Start']) } : {}),
      ...(!manual ? { durationMinutes: duration ?? text(task['Duration']) } : {}),
      ...(!manual && held.constraint ? { constraint: held.constraint } : {}),
    });
    for (const link of predecessors) {
      const lag = Number(text(link['LinkLag']) || 0) / 10;
      const format = text(link['LagFormat']);
      const lagText =
        lag === 0 ? '' : ELAPSED_FORMATS.has(format) ? `${lag}em` : PERCENT_FORMATS.has(format) ? `${lag}%` : `${lag}m`;
      links.push({
        row,
        predecessor: text(link['PredecessorUID']),
        successor: uid,
        type: LINK_TYPES[text(link['Type'])] ?? text(link['Type']),
        ...(lagText ? { lag: lagText.startsWith('-') ? lagText : `+${lagText}` } : {}),
      });
    }
  }
  if (calendar?.recurringSkipped.length) {
    notes.push({
      row: 0,
      code: '',
      key: 'mspdi_calendar_recurring_skipped',
      params: { calendar: calendar.name, names: calendar.recurringSkipped.join(', ') },
    });
  }
  return {
    name: text(project['Name']) || text(project['Title']),
    tasks: rows,
    links,
    skippedSummaries,
    calendar,
    notes,
  };
}

/**
 * A task's MSPDI constraint in what our engine holds: MSO, SNET and FNLT as they are; MFO as
 * must-start-on at the file's start (its finish less its duration); ASAP as no constraint.
 * ALAP, SNLT and FNET have no equivalent: the task is scheduled as soon as possible and the
 * report says so.
 */
function heldAs(
  task: Node,
  manual: boolean,
  row: number,
  code: string,
  notes: MspdiNote[],
): { start: string; constraint: { type: ConstraintType; at: string } | null } {
  const type = Number(text(task['ConstraintType']) || 0);
  const date = text(task['ConstraintDate']);
  const name = CONSTRAINT_NAMES[type] ?? String(type);
  if (manual || type === 0) return { start: '', constraint: null };
  const mapped: Record<number, ConstraintType> = {
    2: ConstraintType.MustStartOn,
    4: ConstraintType.StartNoEarlierThan,
    7: ConstraintType.FinishNoLaterThan,
  };
  if (mapped[type] && date) {
    const start = type === 7 ? '' : date;
    return { start, constraint: { type: mapped[type], at: date } };
  }
  if (type === 3 && text(task['Start'])) {
    notes.push({
      row,
      code,
      key: 'mspdi_constraint_converted',
      params: { type: name, date, start: text(task['Start']) },
    });
    return { start: text(task['Start']), constraint: { type: ConstraintType.MustStartOn, at: text(task['Start']) } };
  }
  notes.push({ row, code, key: 'mspdi_constraint_dropped', params: { type: name, date: date || '-' } });
  return { start: '', constraint: null };
}

/** Two calendars that give the same working time. */
function sameCalendar(a: MspdiCalendar, b: MspdiCalendar): boolean {
  return (
    JSON.stringify([a.weekly, a.holidays, a.workingDays]) === JSON.stringify([b.weekly, b.holidays, b.workingDays])
  );
}
