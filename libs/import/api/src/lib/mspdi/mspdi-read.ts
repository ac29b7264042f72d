import { ImportLinkRow, ImportTaskRow } from '@worksite/import-domain';
import { XMLParser } from 'fast-xml-parser';

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

/** What an MSPDI file holds for an import: its tasks and links as import rows, and what was left out. */
export interface MspdiImport {
  name: string;
  tasks: ImportTaskRow[];
  links: ImportLinkRow[];
  /** Summary tasks: we have no groups, so they are left out (their links too, reported as unknown). */
  skippedSummaries: { uid: string; name: string }[];
  calendar: MspdiCalendar | null;
}

export interface MspdiCalendar {
  name: string;
  /** ISO weekday (1 = Monday) → windows. */
  weekly: Record<number, { start: string; end: string }[]>;
  /** Non-working dates (exceptions with DayWorking 0). */
  holidays: string[];
}

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
    isArray: (name) => ['Task', 'PredecessorLink', 'Calendar', 'WeekDay', 'WorkingTime', 'Exception'].includes(name),
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
  for (const task of tasks) {
    const uid = text(task['UID']);
    if (uid === '0' || text(task['IsNull']) === '1') continue;
    if (text(task['Summary']) === '1') {
      skippedSummaries.push({ uid, name: text(task['Name']) });
      continue;
    }
    const row = Number(text(task['ID'])) || rows.length + 1;
    const manual = text(task['Manual']) === '1';
    const constraint = text(task['ConstraintType']);
    const held = manual || constraint === '2' || constraint === '4';
    const duration = minutesOfDuration(text(task['Duration']));
    const start = held ? text(task['ConstraintDate']) || text(task['Start']) : '';
    const predecessors = (task['PredecessorLink'] as Node[] | undefined) ?? [];
    rows.push({
      row,
      code: uid,
      title: text(task['Name']) || `#${uid}`,
      ...(manual ? { start: text(task['Start']), finish: text(task['Finish']), mode: 'manual' } : {}),
      ...(!manual && start ? { start } : {}),
      ...(!manual && !start && predecessors.length === 0 ? { start: text(task['Start']) } : {}),
      ...(!manual ? { durationMinutes: duration ?? text(task['Duration']) } : {}),
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
  return { name: text(project['Name']), tasks: rows, links, skippedSummaries, calendar: calendarOf(project) };
}

/** The project's calendar (CalendarUID), as weekly windows and non-working dates. */
function calendarOf(project: Node): MspdiCalendar | null {
  const calendars = ((project['Calendars'] as Node | undefined)?.['Calendar'] as Node[] | undefined) ?? [];
  const wanted = text(project['CalendarUID']);
  const calendar = calendars.find((one) => text(one['UID']) === wanted) ?? calendars[0];
  if (!calendar) return null;
  const weekly: MspdiCalendar['weekly'] = {};
  const holidays: string[] = [];
  for (const day of ((calendar['WeekDays'] as Node | undefined)?.['WeekDay'] as Node[] | undefined) ?? []) {
    const type = Number(text(day['DayType']));
    if (type >= 1 && type <= 7) {
      const iso = type === 1 ? 7 : type - 1;
      weekly[iso] = text(day['DayWorking']) === '1' ? windows(day) : [];
    } else if (type === 0 && text(day['DayWorking']) === '0') {
      holidays.push(...datesOf(day['TimePeriod'] as Node | undefined));
    }
  }
  for (const exception of ((calendar['Exceptions'] as Node | undefined)?.['Exception'] as Node[] | undefined) ?? []) {
    if (text(exception['DayWorking']) === '0') holidays.push(...datesOf(exception['TimePeriod'] as Node | undefined));
  }
  return { name: text(calendar['Name']), weekly, holidays };
}

function windows(day: Node): { start: string; end: string }[] {
  const times = ((day['WorkingTimes'] as Node | undefined)?.['WorkingTime'] as Node[] | undefined) ?? [];
  return times.map((time) => ({ start: text(time['FromTime']).slice(0, 5), end: fixMidnight(text(time['ToTime'])) }));
}

const fixMidnight = (time: string) => (time.startsWith('00:00') ? '24:00' : time.slice(0, 5));

function datesOf(period: Node | undefined): string[] {
  const from = text(period?.['FromDate']).slice(0, 10);
  const to = text(period?.['ToDate']).slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return [];
  const dates: string[] = [];
  for (
    let day = Date.parse(`${from}T00:00:00Z`);
    day <= Date.parse(`${to}T00:00:00Z`) && dates.length < 3660;
    day += 86_400_000
  ) {
    dates.push(new Date(day).toISOString().slice(0, 10));
  }
  return dates;
}
