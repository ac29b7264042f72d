import { allTables, rowCounts } from '@worksite/server-testing';
import { createTestApp, TestApp } from '../testing/test-app';

/**
 * Every create endpoint refuses bad input with a 4xx in the one error shape: a readable
 * message, the offending field in `problems`, no SQL or stack, and nothing written.
 * The cases come from one table per endpoint; each starts from a body that is accepted
 * (checked last) and breaks one thing.
 */

type Body = Record<string, unknown>;

/** Rows created once, that bodies refer to. */
interface Parents {
  department: string;
  contractor: string;
  crew: string;
  compound: string;
  building: string;
  unit: string;
  calendar: string;
  project: string;
  otherProject: string;
  taskA: string;
  taskB: string;
  taskC: string;
  otherTask: string;
}

/** A payload sent as it is, for bodies that are not a JSON object. */
class Raw {
  constructor(
    readonly contentType: string,
    readonly text: string,
  ) {}
}

interface Case {
  /** What is wrong with the body. */
  name: string;
  body: (valid: Body, p: Parents) => Body | unknown[] | Raw;
  /** The field `problems` must name; omitted where no single field is to blame. */
  field?: string;
  status?: number;
  code?: string;
}

interface Endpoint {
  path: string;
  /** A body the endpoint accepts. */
  valid: (p: Parents) => Body;
  required: string[];
  cases: Case[];
}

const NO_ROW = '6f1c1c3e-4c51-4b1e-9d7e-000000000000';
/** SQL, driver errors, stack frames or source paths: none may reach a client. */
const LEAK =
  /\b(select|insert into|update \w+ set|delete from)\b|QueryFailedError|violates|duplicate key|relation "|\bat \S+ \(|node_modules|\.[jt]s:\d+/i;

/** Some Chinese and no unfilled `{placeholder}`. */
const CHINESE_SENTENCE = /^(?=.*[\u4e00-\u9fff])(?!.*\{\w+\}).+$/s;

const omit = (body: Body, field: string): Body => {
  const { [field]: _omitted, ...rest } = body;
  return rest;
};
const times = (count: number, item: unknown) => Array.from({ length: count }, () => item);

/** Cases every create endpoint shares, generated from its required fields. */
function commonCases(required: string[]): Case[] {
  return [
    {
      name: 'an unknown field',
      body: (v) => ({ ...v, unexpected: true }),
      field: 'unexpected',
    },
    {
      name: 'an id chosen by the client',
      body: (v) => ({ ...v, id: NO_ROW }),
      field: 'id',
    },
    {
      name: 'a version on create',
      body: (v) => ({ ...v, version: 7 }),
      field: 'version',
    },
    ...required.flatMap((field): Case[] => [
      { name: `no ${field}`, body: (v) => omit(v, field), field },
      { name: `${field}: null`, body: (v) => ({ ...v, [field]: null }), field },
      {
        name: `${field} as an object`,
        body: (v) => ({ ...v, [field]: { value: v[field] } }),
        field,
      },
    ]),
    { name: 'an empty object', body: () => ({}), field: required[0] },
    { name: 'a JSON array of a valid body', body: (v) => [v] },
    {
      name: 'malformed JSON',
      body: () => new Raw('application/json', '{"name": "unfinished'),
      code: 'malformed_json',
    },
    {
      name: 'a JSON string instead of an object',
      body: () => new Raw('application/json', '"just a string"'),
      code: 'malformed_json',
    },
    {
      name: 'a text/plain body',
      body: (v) => new Raw('text/plain', JSON.stringify(v)),
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      name: 'JSON in a charset other than UTF-8',
      body: (v) => new Raw('application/json; charset=iso-8859-1', JSON.stringify(v)),
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      name: 'a body over 1 MB',
      body: (v) => new Raw('application/json', JSON.stringify({ ...v, padding: 'x'.repeat(1024 * 1024) })),
      status: 413,
      code: 'payload_too_large',
    },
  ];
}

const ENDPOINTS: Endpoint[] = [
  {
    path: '/api/departments',
    valid: () => ({ kind: 'water', name: '沈阳水务集团' }),
    required: ['kind', 'name'],
    cases: [
      {
        name: 'an unknown kind',
        body: (v) => ({ ...v, kind: 'electricity' }),
        field: 'kind',
      },
      {
        name: 'a number as name',
        body: (v) => ({ ...v, name: 42 }),
        field: 'name',
      },
      {
        name: 'an empty name',
        body: (v) => ({ ...v, name: '' }),
        field: 'name',
      },
      {
        name: 'a name over 100 characters',
        body: (v) => ({ ...v, name: 'x'.repeat(101) }),
        field: 'name',
      },
      {
        name: 'a colour that is no hex colour',
        body: (v) => ({ ...v, color: 'red' }),
        field: 'color',
      },
      {
        name: 'a null colour',
        body: (v) => ({ ...v, color: null }),
        field: 'color',
      },
      {
        name: 'a phone number as a number',
        body: (v) => ({ ...v, contactPhone: 13800000000 }),
        field: 'contactPhone',
      },
      {
        name: 'a NUL character in the name',
        body: (v) => ({ ...v, name: 'water\u0000works' }),
      },
      {
        name: 'the name of an existing department',
        body: (v) => ({ ...v, name: '国网沈阳供电公司' }),
        field: 'name',
        status: 409,
        code: 'already_exists',
      },
    ],
  },
  {
    path: '/api/contractors',
    valid: (p) => ({ name: '沈阳管道安装公司', departmentId: p.department }),
    required: ['name', 'departmentId'],
    cases: [
      {
        name: 'a malformed departmentId',
        body: (v) => ({ ...v, departmentId: 'power-company' }),
        field: 'departmentId',
      },
      {
        name: 'a departmentId of no department',
        body: (v) => ({ ...v, departmentId: NO_ROW }),
        field: 'departmentId',
      },
      {
        name: 'a list as name',
        body: (v) => ({ ...v, name: ['a', 'b'] }),
        field: 'name',
      },
      {
        name: 'a contact name over 100 characters',
        body: (v) => ({ ...v, contactName: '张'.repeat(101) }),
        field: 'contactName',
      },
      {
        name: 'the name of an existing contractor',
        body: (v) => ({ ...v, name: '沈阳电力工程有限公司' }),
        field: 'name',
        status: 409,
      },
    ],
  },
  {
    path: '/api/crews',
    valid: (p) => ({
      name: '电缆二班',
      contractorId: p.contractor,
      leaderName: '刘洋',
    }),
    required: ['name', 'contractorId', 'leaderName'],
    cases: [
      {
        name: 'a malformed contractorId',
        body: (v) => ({ ...v, contractorId: '12345' }),
        field: 'contractorId',
      },
      {
        name: 'a contractorId of no contractor',
        body: (v) => ({ ...v, contractorId: NO_ROW }),
        field: 'contractorId',
      },
      {
        name: 'a contractorId of no contractor, with a department',
        body: (v, p) => ({
          ...v,
          contractorId: NO_ROW,
          departmentId: p.department,
        }),
        field: 'contractorId',
      },
      {
        name: 'a departmentId of no department',
        body: (v) => ({ ...v, departmentId: NO_ROW }),
        field: 'departmentId',
      },
      {
        name: 'an unknown language',
        body: (v) => ({ ...v, language: 'fr' }),
        field: 'language',
      },
      {
        name: 'a null language',
        body: (v) => ({ ...v, language: null }),
        field: 'language',
      },
      {
        name: 'a boolean as leader name',
        body: (v) => ({ ...v, leaderName: true }),
        field: 'leaderName',
      },
      {
        name: 'the name of a crew of the same contractor',
        body: (v) => ({ ...v, name: '电缆一班' }),
        field: 'name',
        status: 409,
      },
    ],
  },
  {
    path: '/api/crew-channels',
    valid: (p) => ({
      crewId: p.crew,
      kind: 'email',
      address: 'dianlan1@example.com',
    }),
    required: ['crewId', 'kind', 'address'],
    cases: [
      {
        name: 'an unknown kind',
        body: (v) => ({ ...v, kind: 'telegram' }),
        field: 'kind',
      },
      {
        name: 'an email channel without an email address',
        body: (v) => ({ ...v, address: 'not-an-email' }),
        field: 'address',
      },
      {
        name: 'an sms channel without a phone number',
        body: (v) => ({ ...v, kind: 'sms', address: 'call me' }),
        field: 'address',
      },
      {
        name: 'a robot webhook that is not http(s)',
        body: (v) => ({
          ...v,
          kind: 'dingtalk',
          address: 'ftp://example.com/robot',
        }),
        field: 'address',
      },
      {
        name: 'enabled as a string',
        body: (v) => ({ ...v, enabled: 'yes' }),
        field: 'enabled',
      },
      {
        name: 'enabled: null',
        body: (v) => ({ ...v, enabled: null }),
        field: 'enabled',
      },
      {
        name: 'a numeric secret',
        body: (v) => ({ ...v, secret: 1234 }),
        field: 'secret',
      },
      {
        name: 'a malformed crewId',
        body: (v) => ({ ...v, crewId: 'crew-1' }),
        field: 'crewId',
      },
      {
        name: 'a crewId of no crew',
        body: (v) => ({ ...v, crewId: NO_ROW }),
        field: 'crewId',
      },
    ],
  },
  {
    path: '/api/locations',
    valid: (p) => ({ kind: 'building', name: '2号楼', parentId: p.compound }),
    required: ['kind', 'name'],
    cases: [
      {
        name: 'an unknown kind',
        body: (v) => ({ ...v, kind: 'flat' }),
        field: 'kind',
      },
      {
        name: 'a unit under a compound',
        body: (v) => ({ ...v, kind: 'unit' }),
        field: 'parentId',
      },
      {
        name: 'a building without a compound',
        body: (v) => omit(v, 'parentId'),
        field: 'parentId',
      },
      {
        name: 'a compound under a building',
        body: (v, p) => ({ ...v, kind: 'compound', parentId: p.building }),
        field: 'parentId',
      },
      {
        name: 'a building under a unit',
        body: (v, p) => ({ ...v, parentId: p.unit }),
        field: 'parentId',
      },
      {
        name: 'a malformed parentId',
        body: (v) => ({ ...v, parentId: 'compound-1' }),
        field: 'parentId',
      },
      {
        name: 'a parentId of no location',
        body: (v) => ({ ...v, parentId: NO_ROW }),
        field: 'parentId',
      },
      {
        name: 'negative households',
        body: (v) => ({ ...v, households: -1 }),
        field: 'households',
      },
      {
        name: 'fractional households',
        body: (v) => ({ ...v, households: 12.5 }),
        field: 'households',
      },
      {
        name: 'households as a string',
        body: (v) => ({ ...v, households: '48' }),
        field: 'households',
      },
      {
        name: 'more households than an integer column holds',
        body: (v) => ({ ...v, households: 10_000_000_000 }),
        field: 'households',
      },
      {
        name: 'the name of a building of the same compound',
        body: (v) => ({ ...v, name: '1号楼' }),
        field: 'name',
        status: 409,
      },
    ],
  },
  {
    path: '/api/calendars',
    valid: () => ({
      name: '八经街夜间施工日历',
      weeklyWindows: { '1': [{ start: '08:00', end: '12:00' }] },
    }),
    required: ['name'],
    cases: [
      {
        name: 'windows as a string',
        body: (v) => ({ ...v, weeklyWindows: 'weekdays' }),
        field: 'weeklyWindows',
      },
      {
        name: 'windows as an array',
        body: (v) => ({ ...v, weeklyWindows: [] }),
        field: 'weeklyWindows',
      },
      {
        name: 'an eighth weekday',
        body: (v) => ({
          ...v,
          weeklyWindows: { '8': [{ start: '08:00', end: '12:00' }] },
        }),
        field: 'weeklyWindows.8',
      },
      {
        name: 'a window starting at 25:00',
        body: (v) => ({
          ...v,
          weeklyWindows: { '1': [{ start: '25:00', end: '26:00' }] },
        }),
        field: 'weeklyWindows.1.0.start',
      },
      {
        name: 'a window written as text',
        body: (v) => ({ ...v, weeklyWindows: { '1': ['08:00-12:00'] } }),
        field: 'weeklyWindows.1.0',
      },
      {
        name: 'a window without an end',
        body: (v) => ({ ...v, weeklyWindows: { '1': [{ start: '08:00' }] } }),
        field: 'weeklyWindows.1.0.end',
      },
      {
        name: 'a window with an unknown field',
        body: (v) => ({
          ...v,
          weeklyWindows: {
            '1': [{ start: '08:00', end: '12:00', quiet: true }],
          },
        }),
        field: 'weeklyWindows.1.0.quiet',
      },
      {
        name: 'a day given one window instead of a list',
        body: (v) => ({
          ...v,
          weeklyWindows: { '1': { start: '08:00', end: '12:00' } },
        }),
        field: 'weeklyWindows.1',
      },
      {
        name: 'a window ending before it starts',
        body: (v) => ({
          ...v,
          weeklyWindows: { '1': [{ start: '12:00', end: '08:00' }] },
        }),
        field: 'weeklyWindows',
      },
      {
        name: 'a week without any working time',
        body: (v) => ({ ...v, weeklyWindows: {} }),
        field: 'weeklyWindows',
      },
      {
        name: 'the name of an existing calendar',
        body: (v) => ({ ...v, name: '和平新村施工日历' }),
        field: 'name',
        status: 409,
      },
    ],
  },
  {
    path: '/api/calendar-exceptions',
    valid: (p) => ({
      calendarId: p.calendar,
      date: '2026-10-02',
      kind: 'holiday',
      name: '国庆节',
    }),
    required: ['calendarId', 'date', 'kind', 'name'],
    cases: [
      {
        name: 'an impossible date',
        body: (v) => ({ ...v, date: '2026-02-30' }),
        field: 'date',
      },
      {
        name: 'a date without leading zeros',
        body: (v) => ({ ...v, date: '2026-10-2' }),
        field: 'date',
      },
      {
        name: 'a date-time instead of a date',
        body: (v) => ({ ...v, date: '2026-10-02T00:00:00+08:00' }),
        field: 'date',
      },
      {
        name: 'a date as a number',
        body: (v) => ({ ...v, date: 20261002 }),
        field: 'date',
      },
      {
        name: 'an unknown kind',
        body: (v) => ({ ...v, kind: 'vacation' }),
        field: 'kind',
      },
      {
        name: 'a malformed calendarId',
        body: (v) => ({ ...v, calendarId: 'default' }),
        field: 'calendarId',
      },
      {
        name: 'a calendarId of no calendar',
        body: (v) => ({ ...v, calendarId: NO_ROW }),
        field: 'calendarId',
      },
      {
        name: 'a date the calendar already has',
        body: (v) => ({ ...v, date: '2026-10-01' }),
        field: 'date',
        status: 409,
      },
    ],
  },
  {
    path: '/api/blackout-windows',
    valid: (p) => ({
      calendarId: p.calendar,
      startsAt: '2027-06-20T07:00:00+08:00',
      endsAt: '2027-06-21T18:00:00+08:00',
      reason: '中考(126中学八经校区考点)',
    }),
    required: ['calendarId', 'startsAt', 'endsAt', 'reason'],
    cases: [
      {
        name: 'an instant without offset',
        body: (v) => ({ ...v, startsAt: '2027-06-20T07:00:00' }),
        field: 'startsAt',
      },
      {
        name: 'a date instead of an instant',
        body: (v) => ({ ...v, endsAt: '2027-06-21' }),
        field: 'endsAt',
      },
      {
        name: 'an impossible date',
        body: (v) => ({ ...v, startsAt: '2027-02-30T07:00:00+08:00' }),
        field: 'startsAt',
      },
      {
        name: 'an impossible hour',
        body: (v) => ({ ...v, startsAt: '2027-06-20T25:00:00+08:00' }),
        field: 'startsAt',
      },
      {
        name: 'an impossible offset',
        body: (v) => ({ ...v, startsAt: '2027-06-20T07:00:00+24:00' }),
        field: 'startsAt',
      },
      {
        name: 'an instant as epoch milliseconds',
        body: (v) => ({ ...v, startsAt: 1813446000000 }),
        field: 'startsAt',
      },
      {
        name: 'an end before the start',
        body: (v) => ({ ...v, endsAt: '2027-06-19T18:00:00+08:00' }),
        field: 'endsAt',
      },
      {
        name: 'an end equal to the start',
        body: (v) => ({ ...v, endsAt: v['startsAt'] }),
        field: 'endsAt',
      },
      {
        name: 'a reason over 200 characters',
        body: (v) => ({ ...v, reason: '考'.repeat(201) }),
        field: 'reason',
      },
      {
        name: 'a calendarId of no calendar',
        body: (v) => ({ ...v, calendarId: NO_ROW }),
        field: 'calendarId',
      },
    ],
  },
  {
    path: '/api/projects',
    valid: (p) => ({
      code: 'BJJ-2027-SW',
      name: '八经街雨污分流改造',
      calendarId: p.calendar,
      startDate: '2027-03-01',
      endDate: '2027-10-31',
    }),
    required: ['code', 'name', 'calendarId', 'startDate'],
    cases: [
      {
        name: 'a code with spaces',
        body: (v) => ({ ...v, code: 'BJJ 2027' }),
        field: 'code',
      },
      {
        name: 'a code over 40 characters',
        body: (v) => ({ ...v, code: 'B'.repeat(41) }),
        field: 'code',
      },
      {
        name: 'an unknown time zone',
        body: (v) => ({ ...v, timeZone: 'Mars/Olympus' }),
        field: 'timeZone',
      },
      {
        name: "the server's zone instead of an IANA zone",
        body: (v) => ({ ...v, timeZone: 'system' }),
        field: 'timeZone',
      },
      {
        name: 'an offset instead of an IANA zone',
        body: (v) => ({ ...v, timeZone: 'UTC+8' }),
        field: 'timeZone',
      },
      {
        name: 'an impossible start date',
        body: (v) => ({ ...v, startDate: '2027-02-29' }),
        field: 'startDate',
      },
      {
        name: 'a start date in another format',
        body: (v) => ({ ...v, startDate: '01/03/2027' }),
        field: 'startDate',
      },
      {
        name: 'an end before the start',
        body: (v) => ({ ...v, endDate: '2027-02-28' }),
        field: 'endDate',
      },
      {
        name: 'a malformed calendarId',
        body: (v) => ({ ...v, calendarId: 'standard' }),
        field: 'calendarId',
      },
      {
        name: 'a calendarId of no calendar',
        body: (v) => ({ ...v, calendarId: NO_ROW }),
        field: 'calendarId',
      },
      {
        name: 'a description over 5000 characters',
        body: (v) => ({ ...v, description: 'x'.repeat(5001) }),
        field: 'description',
      },
      {
        name: 'the code of an existing project',
        body: (v) => ({ ...v, code: 'HPXC-2026-FXRD' }),
        field: 'code',
        status: 409,
      },
    ],
  },
  {
    path: '/api/tasks',
    valid: (p) => ({
      projectId: p.project,
      title: '电力电缆入地敷设',
      departmentId: p.department,
      crewId: p.crew,
      locationId: p.building,
      plannedStart: '2026-12-01T08:00:00+08:00',
      durationMinutes: 480,
    }),
    required: ['projectId', 'title', 'plannedStart'],
    cases: [
      {
        name: 'a start without offset',
        body: (v) => ({ ...v, plannedStart: '2026-12-01T08:00:00' }),
        field: 'plannedStart',
      },
      {
        name: 'a malformed start',
        body: (v) => ({ ...v, plannedStart: 'next Monday' }),
        field: 'plannedStart',
      },
      {
        name: 'an impossible start date',
        body: (v) => ({ ...v, plannedStart: '2026-11-31T08:00:00+08:00' }),
        field: 'plannedStart',
      },
      {
        name: 'a start outside the years a calendar can plan',
        body: (v) => ({ ...v, plannedStart: '1800-12-01T08:00:00+08:00' }),
        field: 'plannedStart',
      },
      {
        name: 'both plannedFinish and durationMinutes',
        body: (v) => ({ ...v, plannedFinish: '2026-12-01T18:00:00+08:00' }),
        field: 'durationMinutes',
      },
      {
        name: 'neither plannedFinish nor durationMinutes',
        body: (v) => omit(v, 'durationMinutes'),
        field: 'plannedFinish',
      },
      {
        name: 'a finish before the start',
        body: (v) => ({
          ...omit(v, 'durationMinutes'),
          plannedFinish: '2026-11-30T18:00:00+08:00',
        }),
        field: 'plannedFinish',
      },
      {
        name: 'a finish without offset',
        body: (v) => ({
          ...omit(v, 'durationMinutes'),
          plannedFinish: '2026-12-01T18:00',
        }),
        field: 'plannedFinish',
      },
      {
        name: 'a negative duration',
        body: (v) => ({ ...v, durationMinutes: -60 }),
        field: 'durationMinutes',
      },
      {
        name: 'a fractional duration',
        body: (v) => ({ ...v, durationMinutes: 90.5 }),
        field: 'durationMinutes',
      },
      {
        name: 'a duration as a string',
        body: (v) => ({ ...v, durationMinutes: '480' }),
        field: 'durationMinutes',
      },
      {
        name: 'a duration over a year',
        body: (v) => ({ ...v, durationMinutes: 1_000_000_000 }),
        field: 'durationMinutes',
      },
      {
        name: 'progress over 100',
        body: (v) => ({ ...v, progress: 101 }),
        field: 'progress',
      },
      {
        name: 'progress: null',
        body: (v) => ({ ...v, progress: null }),
        field: 'progress',
      },
      {
        name: 'an unknown status',
        body: (v) => ({ ...v, status: 'started' }),
        field: 'status',
      },
      {
        name: 'an unknown scheduling mode',
        body: (v) => ({ ...v, schedulingMode: 'auto' }),
        field: 'schedulingMode',
      },
      {
        name: 'constraintType without constraintAt',
        body: (v) => ({ ...v, constraintType: 'start_no_earlier_than' }),
        field: 'constraintAt',
      },
      {
        name: 'constraintAt without constraintType',
        body: (v) => ({ ...v, constraintAt: '2026-12-01T08:00:00+08:00' }),
        field: 'constraintType',
      },
      {
        name: 'an unknown constraintType',
        body: (v) => ({
          ...v,
          constraintType: 'asap',
          constraintAt: '2026-12-01T08:00:00+08:00',
        }),
        field: 'constraintType',
      },
      {
        name: 'an interruption without its end',
        body: (v) => ({
          ...v,
          interruptionKind: 'power',
          interruptionStartsAt: '2026-12-01T09:00:00+08:00',
        }),
        field: 'interruptionKind',
      },
      {
        name: 'interruption times without a kind',
        body: (v) => ({
          ...v,
          interruptionStartsAt: '2026-12-01T09:00:00+08:00',
          interruptionEndsAt: '2026-12-01T11:00:00+08:00',
        }),
        field: 'interruptionKind',
      },
      {
        name: 'an interruption ending before it starts',
        body: (v) => ({
          ...v,
          interruptionKind: 'water',
          interruptionStartsAt: '2026-12-01T11:00:00+08:00',
          interruptionEndsAt: '2026-12-01T09:00:00+08:00',
        }),
        field: 'interruptionEndsAt',
      },
      {
        name: 'an unknown interruption kind',
        body: (v) => ({
          ...v,
          interruptionKind: 'internet',
          interruptionStartsAt: '2026-12-01T09:00:00+08:00',
          interruptionEndsAt: '2026-12-01T11:00:00+08:00',
        }),
        field: 'interruptionKind',
      },
      {
        name: 'malformed interruption locations',
        body: (v) => ({ ...v, interruptionLocationIds: ['building-1'] }),
        field: 'interruptionLocationIds',
      },
      {
        name: 'interruption locations that do not exist',
        body: (v, p) => ({
          ...v,
          interruptionLocationIds: [p.building, NO_ROW],
        }),
        field: 'interruptionLocationIds',
      },
      {
        name: 'interruption locations: null',
        body: (v) => ({ ...v, interruptionLocationIds: null }),
        field: 'interruptionLocationIds',
      },
      {
        name: 'an unknown needed utility',
        body: (v) => ({ ...v, needsUtilities: ['electricity'] }),
        field: 'needsUtilities',
      },
      {
        name: 'needed utilities as a string',
        body: (v) => ({ ...v, needsUtilities: 'power' }),
        field: 'needsUtilities',
      },
      {
        name: 'materials as a string',
        body: (v) => ({ ...v, materials: 'cable' }),
        field: 'materials',
      },
      {
        name: 'a material without a name',
        body: (v) => ({ ...v, materials: [{ quantity: 120, unit: '米' }] }),
        field: 'materials.0.name',
      },
      {
        name: 'a negative material quantity',
        body: (v) => ({
          ...v,
          materials: [
            { name: 'YJV22 电缆', quantity: 1 },
            { name: '电缆接头', quantity: -2 },
          ],
        }),
        field: 'materials.1.quantity',
      },
      {
        name: 'a material quantity as a string',
        body: (v) => ({ ...v, materials: [{ name: '电缆', quantity: '120' }] }),
        field: 'materials.0.quantity',
      },
      {
        name: 'a material with an unknown field',
        body: (v) => ({
          ...v,
          materials: [{ name: '电缆', price: 12 }],
        }),
        field: 'materials.0.price',
      },
      {
        name: 'a material that is a string',
        body: (v) => ({ ...v, materials: ['电缆'] }),
        field: 'materials.0',
      },
      {
        name: 'a null material',
        body: (v) => ({ ...v, materials: [null] }),
        field: 'materials.0',
      },
      {
        name: 'more than 200 materials',
        body: (v) => ({ ...v, materials: times(201, { name: '螺栓' }) }),
        field: 'materials',
      },
      {
        name: 'materials: null',
        body: (v) => ({ ...v, materials: null }),
        field: 'materials',
      },
      {
        name: 'a tool that is a number',
        body: (v) => ({ ...v, tools: ['电缆牵引机', 7] }),
        field: 'tools',
      },
      {
        name: 'an empty tool name',
        body: (v) => ({ ...v, tools: [''] }),
        field: 'tools',
      },
      {
        name: 'neither departmentId nor crewId',
        body: (v) => omit(omit(v, 'departmentId'), 'crewId'),
        field: 'departmentId',
      },
      {
        name: 'a departmentId of no department',
        body: (v) => ({ ...v, departmentId: NO_ROW }),
        field: 'departmentId',
      },
      {
        name: 'a crewId of no crew (its department to be derived)',
        body: (v) => ({ ...omit(v, 'departmentId'), crewId: NO_ROW }),
        field: 'crewId',
      },
      {
        name: 'a crewId of no crew',
        body: (v) => ({ ...v, crewId: NO_ROW }),
        field: 'crewId',
      },
      {
        name: 'a locationId of no location',
        body: (v) => ({ ...v, locationId: NO_ROW }),
        field: 'locationId',
      },
      {
        name: 'a malformed locationId',
        body: (v) => ({ ...v, locationId: 42 }),
        field: 'locationId',
      },
      {
        // As for a project the user may not see: 404, not a 400 that would tell the two apart.
        name: 'a projectId of no project',
        body: (v) => ({ ...v, projectId: NO_ROW }),
        field: 'projectId',
        status: 404,
        code: 'not_found',
      },
      {
        name: 'a NUL character in the title',
        body: (v) => ({ ...v, title: '敷设\u0000电缆' }),
      },
    ],
  },
  {
    path: '/api/dependencies',
    valid: (p) => ({ predecessorId: p.taskA, successorId: p.taskB }),
    required: ['predecessorId', 'successorId'],
    cases: [
      {
        name: 'a task depending on itself',
        body: (v, p) => ({ ...v, successorId: p.taskA }),
        field: 'successorId',
      },
      {
        name: 'tasks of two projects',
        body: (v, p) => ({ ...v, successorId: p.otherTask }),
        field: 'successorId',
      },
      {
        name: 'a predecessor that does not exist',
        body: (v) => ({ ...v, predecessorId: NO_ROW }),
        field: 'predecessorId',
      },
      {
        name: 'a malformed successorId',
        body: (v) => ({ ...v, successorId: 'task-2' }),
        field: 'successorId',
      },
      {
        name: 'an unknown type',
        body: (v) => ({ ...v, type: 'XX' }),
        field: 'type',
      },
      {
        name: 'type: null',
        body: (v) => ({ ...v, type: null }),
        field: 'type',
      },
      {
        name: 'a fractional lag',
        body: (v) => ({ ...v, lagMinutes: 1.5 }),
        field: 'lagMinutes',
      },
      {
        name: 'a lag over a year',
        body: (v) => ({ ...v, lagMinutes: 60 * 24 * 366 }),
        field: 'lagMinutes',
      },
      {
        name: 'a lag as a string',
        body: (v) => ({ ...v, lagMinutes: '60' }),
        field: 'lagMinutes',
      },
      {
        name: 'a projectId (taken from the tasks)',
        body: (v, p) => ({ ...v, projectId: p.project }),
        field: 'projectId',
      },
      {
        name: 'a pair that is already linked',
        body: (v, p) => ({ ...v, predecessorId: p.taskC }),
        field: 'successorId',
        status: 409,
        code: 'already_exists',
      },
      {
        name: 'a link closing a cycle',
        body: (v, p) => ({ predecessorId: p.taskB, successorId: p.taskC }),
        status: 422,
        code: 'dependency_cycle',
      },
    ],
  },
];

describe('bad input on every create endpoint', () => {
  let t: TestApp;
  const p = {} as Parents;

  const create = async (path: string, body: Body): Promise<string> => {
    const response = await t.http.post(path).send(body);
    if (response.status !== 201)
      throw new Error(`setup: POST ${path} answered ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    p.department = await create('/api/departments', {
      kind: 'power',
      name: '国网沈阳供电公司',
    });
    p.contractor = await create('/api/contractors', {
      name: '沈阳电力工程有限公司',
      departmentId: p.department,
    });
    p.crew = await create('/api/crews', {
      name: '电缆一班',
      contractorId: p.contractor,
      leaderName: '王建国',
    });
    p.compound = await create('/api/locations', {
      kind: 'compound',
      name: '和平新村',
    });
    p.building = await create('/api/locations', {
      kind: 'building',
      name: '1号楼',
      parentId: p.compound,
    });
    p.unit = await create('/api/locations', {
      kind: 'unit',
      name: '1单元',
      parentId: p.building,
    });
    p.calendar = await create('/api/calendars', { name: '和平新村施工日历' });
    await create('/api/calendar-exceptions', {
      calendarId: p.calendar,
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
    });
    p.project = await create('/api/projects', {
      code: 'HPXC-2026-FXRD',
      name: '和平新村社区飞线入地改造',
      calendarId: p.calendar,
      startDate: '2026-11-02',
    });
    p.otherProject = await create('/api/projects', {
      code: 'HPXC-2026-GS',
      name: '和平新村供水管网改造',
      calendarId: p.calendar,
      startDate: '2026-11-02',
    });
    const task = (projectId: string, title: string) =>
      create('/api/tasks', {
        projectId,
        title,
        departmentId: p.department,
        plannedStart: '2026-12-01T08:00:00+08:00',
        durationMinutes: 240,
      });
    p.taskA = await task(p.project, '开挖电缆沟');
    p.taskB = await task(p.project, '电缆敷设');
    p.taskC = await task(p.project, '电缆沟回填');
    p.otherTask = await task(p.otherProject, '供水管道开挖');
    await create('/api/dependencies', {
      predecessorId: p.taskC,
      successorId: p.taskB,
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe.each(ENDPOINTS.map((endpoint) => [endpoint.path, endpoint] as const))('POST %s', (_path, endpoint) => {
    const cases = [...commonCases(endpoint.required), ...endpoint.cases];

    it.each(cases.map((c) => [c.name, c] as const))('refuses %s', async (_name, c) => {
      const before = await rowCounts(t.dataSource, allTables(t.dataSource));
      const body = c.body(endpoint.valid(p), p);
      const request = t.http.post(endpoint.path);
      const response =
        body instanceof Raw
          ? await request.set('Content-Type', body.contentType).send(body.text)
          : await request.send(body);

      const status = c.status ?? 400;
      expect({ status: response.status, body: response.body }).toMatchObject({
        status,
        body: { statusCode: status },
      });
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body.code).toEqual(c.code ?? expect.any(String));
      // No Accept-Language: every sentence is Chinese, every placeholder filled.
      expect(response.headers['content-language']).toBe('zh-CN');
      expect(response.body.message).toMatch(CHINESE_SENTENCE);
      expect(JSON.stringify(response.body)).not.toMatch(LEAK);
      if (c.field) {
        const fields = (response.body.problems ?? []).map((problem: { field: string }) => problem.field);
        expect(fields).toContain(c.field);
        for (const problem of response.body.problems) {
          expect(problem.messages).toEqual(expect.arrayContaining([expect.any(String)]));
          for (const message of problem.messages) expect(message).toMatch(CHINESE_SENTENCE);
        }
      }
      expect(await rowCounts(t.dataSource, allTables(t.dataSource))).toEqual(before);
    });
  });

  it('accepts the valid bodies the cases start from', async () => {
    for (const endpoint of ENDPOINTS) {
      const response = await t.http.post(endpoint.path).send(endpoint.valid(p));
      expect({ path: endpoint.path, status: response.status }).toEqual({
        path: endpoint.path,
        status: 201,
      });
    }
  });
});
