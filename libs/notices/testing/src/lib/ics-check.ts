import ICAL from 'ical.js';

/** One VEVENT as read back from an iCalendar file: its properties by name (with parameters). */
export interface IcsEvent {
  props: Record<string, { params: Record<string, string>; value: string }>;
}

export interface IcsReport {
  problems: string[];
  events: IcsEvent[];
  timezones: string[];
}

const REQUIRED_EVENT = ['UID', 'DTSTAMP', 'DTSTART'];
const DATE_TIME = /^\d{8}T\d{6}Z?$/;

/**
 * Reads an iCalendar file the way RFC 5545 describes it and lists what breaks the rules we
 * rely on: CRLF lines of at most 75 octets (folded), balanced BEGIN/END, VERSION 2.0 and
 * PRODID, UID/DTSTAMP/DTSTART in every event, DTSTAMP in UTC, every TZID defined by a
 * VTIMEZONE, DTEND after DTSTART. An empty `problems` list means the file is valid for us.
 */
export function checkIcs(text: string): IcsReport {
  const problems: string[] = [];
  if (!text.endsWith('\r\n') && !text.endsWith('END:VCALENDAR')) problems.push('does not end with END:VCALENDAR');
  if (/[^\r]\n/.test(text)) problems.push('a line ends with LF instead of CRLF');
  const physical = text.split('\r\n');
  physical.forEach((line, index) => {
    if (Buffer.byteLength(line, 'utf8') > 75) problems.push(`line ${index + 1} is longer than 75 octets`);
  });
  const lines: string[] = [];
  for (const line of physical) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && lines.length) lines[lines.length - 1] += line.slice(1);
    else if (line !== '') lines.push(line);
  }
  const stack: string[] = [];
  const events: IcsEvent[] = [];
  const timezones: string[] = [];
  const calendarProps = new Set<string>();
  let event: IcsEvent | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) {
      problems.push(`not a property line: ${line}`);
      continue;
    }
    const [name, ...paramParts] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    const params = Object.fromEntries(paramParts.map((p) => p.split('=') as [string, string]));
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') event = { props: {} };
      continue;
    }
    if (name === 'END') {
      const open = stack.pop();
      if (open !== value) problems.push(`END:${value} closes ${open ?? 'nothing'}`);
      if (value === 'VEVENT' && event) {
        events.push(event);
        event = undefined;
      }
      continue;
    }
    if (stack.at(-1) === 'VCALENDAR') calendarProps.add(name);
    if (stack.at(-1) === 'VTIMEZONE' && name === 'TZID') timezones.push(value);
    if (event && stack.at(-1) === 'VEVENT') event.props[name] = { params, value };
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  if (lines[0] !== 'BEGIN:VCALENDAR') problems.push('does not start with BEGIN:VCALENDAR');
  if (!lines.includes('VERSION:2.0')) problems.push('no VERSION:2.0');
  if (!calendarProps.has('PRODID')) problems.push('no PRODID');
  for (const e of events) {
    for (const required of REQUIRED_EVENT) {
      if (!e.props[required]) problems.push(`event ${e.props['UID']?.value ?? '?'} has no ${required}`);
    }
    const stamp = e.props['DTSTAMP']?.value ?? '';
    if (!/^\d{8}T\d{6}Z$/.test(stamp)) problems.push(`DTSTAMP ${stamp} is not UTC`);
    for (const key of ['DTSTART', 'DTEND']) {
      const prop = e.props[key];
      if (!prop) continue;
      if (!DATE_TIME.test(prop.value)) problems.push(`${key} ${prop.value} is not a date-time`);
      if (prop.params['TZID'] && !timezones.includes(prop.params['TZID'])) {
        problems.push(`${key} uses TZID ${prop.params['TZID']} without a VTIMEZONE`);
      }
    }
    if (e.props['DTEND'] && e.props['DTEND'].value < e.props['DTSTART']?.value) problems.push('DTEND before DTSTART');
  }
  return { problems, events, timezones };
}

/** Unescapes an iCalendar TEXT value (\n, \, \; \\). */
export function icsText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** One event as a calendar app reads it (ical.js): instants in UTC, texts unescaped. */
export interface ReadBackEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  sequence: number;
  status: string | null;
  transp: string | null;
  location: string | null;
}

/**
 * Reads an iCalendar file with ical.js, a well-kept parser, as a calendar app would: its own
 * VTIMEZONEs registered, each event's start and end as UTC instants. The check of our own writer
 * (libs/notices/domain ics-writer.ts) for the notices' .ics and the calendar feeds alike.
 */
export function readBackIcs(text: string): { calendar: ICAL.Component; events: ReadBackEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      sequence: event.sequence,
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
      transp: (component.getFirstPropertyValue('transp') as string | null) ?? null,
      location: event.location ?? null,
    };
  });
  return { calendar, events };
}
