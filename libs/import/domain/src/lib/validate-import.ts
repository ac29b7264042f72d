import { settleTaskTimes, WorkingTime } from '@worksite/scheduling-network';
import { ConstraintType, DependencyType, InterruptionKind, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { findCycles } from './cycles';
import { INTERRUPTION_LABELS, STATUS_LABELS, valueOfLabel } from './import-fields';
import {
  CellValue,
  ImportLinkRow,
  ImportProblem,
  ImportProblemKey,
  ImportTaskRow,
  InterruptionInput,
  LINK_ROW_KEYS,
  MaterialItem,
  TASK_ROW_KEYS,
} from './import-rows';
import { parseLocalDateTime } from './local-date-time';
import { NotationResult, parseWorkingMinutes, splitPredecessors } from './notation';

/** Largest import: tasks and links of one request. */
export const IMPORT_LIMITS = { tasks: 20_000, links: 40_000 } as const;
const MAX_DURATION = 60 * 24 * 366;

/** What an import is checked against: the project's calendar and the rows it may name. */
export interface ImportContext {
  timeZone: string;
  /** The project start (local midnight of its start date): where a task without a start goes. */
  projectStart: number;
  minutesPerDay: number;
  calendar: WorkingTime;
  departments: readonly { id: string; name: string }[];
  crews: readonly { id: string; name: string; departmentId: string; contractorName?: string }[];
  locations: readonly { id: string; name: string; parentId: string | null }[];
  /** The project's tasks that have an external code, by that code. */
  existing: ReadonlyMap<string, { id: string; title: string }>;
  /** Every link of the project, its ends as external codes or `#<task id>` for tasks without one. */
  existingLinks: readonly { from: string; to: string }[];
  /** Tasks missing from the sheet are deleted (then they may not be named as predecessors). */
  deleteMissing: boolean;
}

/** A task of the import, checked and resolved: what is written. */
export interface ValidatedTask {
  row: number;
  code: string;
  title: string;
  departmentId: string;
  crewId: string | null;
  locationId: string | null;
  /** Settled times (epoch ms) and working minutes. */
  start: number;
  finish: number;
  durationMinutes: number;
  /** The sheet gave a start: an automatic task is held no earlier than it. */
  startGiven: boolean;
  materials: MaterialItem[];
  tools: string[];
  safetyNotes: string;
  interruption: { kind: InterruptionKind; startsAt: number; endsAt: number } | null;
  status: TaskStatus;
  mode: SchedulingMode;
  /** A constraint the row gave (JSON and MS Project imports); else the start given holds the task (SNET). */
  constraint: { type: ConstraintType; at: number } | null;
}

export interface ValidatedLink {
  row: number;
  predecessor: string;
  successor: string;
  type: DependencyType;
  lagMinutes: number;
}

export interface ValidatedImport {
  tasks: ValidatedTask[];
  links: ValidatedLink[];
  problems: ImportProblem[];
}

/** Text of a cell, trimmed ('' when empty); numbers as written (12 → "12"). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}

const isBlank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Checks a whole import and reports EVERY problem by row and field (nothing stops at the
 * first): required values, duplicate codes, unknown departments, crews and places, dates,
 * durations and lags, predecessors that name no task, link types, and the cycles the links
 * would close (named by their tasks). Rows with problems are left out of `tasks`/`links`.
 */
export function validateImport(
  taskRows: readonly ImportTaskRow[],
  linkRows: readonly ImportLinkRow[],
  context: ImportContext,
): ValidatedImport {
  const problems: ImportProblem[] = [];
  const report = (
    row: number,
    field: string,
    key: ImportProblemKey,
    params?: ImportProblem['params'],
    code?: string,
  ) => {
    problems.push({ row, field, key, ...(params ? { params } : {}), ...(code ? { code } : {}) });
  };
  if (taskRows.length > IMPORT_LIMITS.tasks) report(0, 'tasks', 'import_too_many_rows', { limit: IMPORT_LIMITS.tasks });
  if (linkRows.length > IMPORT_LIMITS.links) report(0, 'links', 'import_too_many_rows', { limit: IMPORT_LIMITS.links });
  if (problems.length) return { tasks: [], links: [], problems };

  const lookups = new Lookups(context);
  // Codes first: predecessors may name any row of the sheet.
  const rowsOfCode = new Map<string, number[]>();
  taskRows.forEach((task, index) => {
    const code = cellText(task.code as CellValue);
    if (code) rowsOfCode.set(code, [...(rowsOfCode.get(code) ?? []), task.row ?? index + 1]);
  });
  const known = (code: string) => rowsOfCode.has(code) || (context.existing.has(code) && !context.deleteMissing);

  const tasks: ValidatedTask[] = [];
  const links: ValidatedLink[] = [];
  const titleOf = new Map<string, string>();
  taskRows.forEach((input, index) => {
    const row = input.row ?? index + 1;
    const before = problems.length;
    const code = cellText(input.code as CellValue);
    const say = (field: string, key: ImportProblemKey, params?: ImportProblem['params']) =>
      report(row, field, key, params, code || undefined);
    for (const key of Object.keys(input)) {
      if (!(TASK_ROW_KEYS as readonly string[]).includes(key)) say(key, 'import_unknown_field');
    }
    const text = (field: keyof ImportTaskRow, max: number): string => {
      const value = input[field];
      if (value !== null && value !== undefined && typeof value === 'object' && !(value instanceof Date)) {
        say(field, 'import_not_text');
        return '';
      }
      const result = cellText(value as CellValue);
      if (result.length > max) say(field, 'import_too_long', { max });
      return result;
    };
    if (!code) say('code', 'import_required');
    else if (code.length > 100) say('code', 'import_too_long', { max: 100 });
    const dupes = rowsOfCode.get(code);
    if (code && dupes && dupes.length > 1) say('code', 'import_code_duplicate', { code, rows: dupes.join(', ') });
    const title = text('title', 200);
    if (!title) say('title', 'import_required');
    if (code) titleOf.set(code, title);

    const { departmentId, crewId } = lookups.people(text('department', 200), text('crew', 200), say);
    const locationId = lookups.place(input, text, say);
    const status = (lookups.label(STATUS_LABELS, text('status', 50), 'status', say) ??
      TaskStatus.Planned) as TaskStatus;
    const modeText = text('mode', 20);
    let mode = SchedulingMode.Automatic;
    if (modeText) {
      const value = valueOfLabel({ automatic: ['自动', 'auto'], manual: ['手动', '手工'] }, modeText);
      if (value) mode = value as SchedulingMode;
      else say('mode', 'import_mode_invalid', { value: modeText });
    }

    // Times.
    const startGiven = !isBlank(input.start);
    const start = startGiven ? lookups.instant(input.start as CellValue, 'start', say) : context.projectStart;
    const finishCell = input.finish as CellValue;
    const finish = isBlank(finishCell) ? undefined : lookups.instant(finishCell, 'finish', say, true);
    let duration: number | undefined;
    if (!isBlank(input.durationMinutes)) {
      const minutes = Number(input.durationMinutes);
      if (Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_DURATION) duration = minutes;
      else say('durationMinutes', 'import_duration_invalid', { value: cellText(input.durationMinutes as CellValue) });
    } else if (!isBlank(input.duration)) {
      const parsed = parseWorkingMinutes(input.duration as string | number, context.minutesPerDay);
      duration = lookups.minutes(
        parsed,
        'duration',
        cellText(input.duration as CellValue),
        say,
        'import_duration_invalid',
      );
      if (duration !== undefined && duration > MAX_DURATION) {
        say('duration', 'import_duration_invalid', { value: cellText(input.duration as CellValue) });
        duration = undefined;
      }
    }
    if (
      finish === undefined &&
      duration === undefined &&
      isBlank(finishCell) &&
      isBlank(input.duration) &&
      isBlank(input.durationMinutes)
    ) {
      say('duration', 'import_times_missing');
    }

    // Predecessors written in the row.
    const predecessors = text('predecessors', 5000);
    if (predecessors) {
      for (const token of splitPredecessors(predecessors, known)) {
        const link = lookups.link(token.code, code, token.type, token.lag, 'predecessors', known, say);
        if (link) links.push({ row, ...link });
      }
    }

    const materials = lookups.materials(input.materials, say);
    const tools = lookups.tools(input.tools, say);
    const safetyNotes = text('safetyNotes', 5000);
    const interruption = lookups.interruption(input.interruption, say);
    const constraint = lookups.constraint(input.constraint, say);

    if (problems.length > before || start === undefined) return;
    const settled = settle(context.calendar, mode, status, start, finish, finish === undefined ? duration : undefined);
    if (!settled.ok) {
      say(settled.field, settled.key);
      return;
    }
    tasks.push({
      row,
      code,
      title,
      departmentId: departmentId as string,
      crewId,
      locationId,
      ...settled.times,
      startGiven,
      materials,
      tools,
      safetyNotes,
      interruption,
      status,
      mode,
      constraint,
    });
  });

  // Links given apart from the rows (JSON imports).
  linkRows.forEach((input, index) => {
    const row = input.row ?? index + 1;
    const field = (name: string) => `links[${index}].${name}`;
    const say = (name: string, key: ImportProblemKey, params?: ImportProblem['params']) => {
      report(row, name.startsWith('links[') ? name : field(name), key, params);
    };
    for (const key of Object.keys(input)) {
      if (!(LINK_ROW_KEYS as readonly string[]).includes(key)) say(key, 'import_unknown_field');
    }
    const successor = cellText(input.successor);
    if (!successor) say('successor', 'import_required');
    else if (!rowsOfCode.has(successor)) say('successor', 'import_predecessor_unknown', { code: successor });
    const predecessor = cellText(input.predecessor);
    if (!predecessor) return say('predecessor', 'import_required');
    const typeText = cellText(input.type).toUpperCase() || 'FS';
    if (!(Object.values(DependencyType) as string[]).includes(typeText)) {
      return say('type', 'import_link_type_invalid', { value: typeText });
    }
    let lag: string | null = isBlank(input.lag) ? null : cellText(input.lag);
    if (!isBlank(input.lagMinutes)) {
      const minutes = Number(input.lagMinutes);
      if (!Number.isInteger(minutes))
        return say('lagMinutes', 'import_lag_invalid', { value: cellText(input.lagMinutes) });
      lag = `${minutes}m`;
    } else if (typeof input.lag === 'number') lag = String(input.lag);
    if (!successor || !rowsOfCode.has(successor)) return;
    const link = lookups.link(
      predecessor,
      successor,
      typeText as DependencyType,
      lag,
      field('predecessor'),
      known,
      say,
    );
    if (link) links.push({ row, ...link });
  });

  // The same pair twice.
  const pairs = new Map<string, ValidatedLink>();
  const unique: ValidatedLink[] = [];
  for (const link of links) {
    const key = `${link.predecessor}\u0000${link.successor}`;
    if (pairs.has(key)) {
      report(
        link.row,
        'predecessors',
        'import_link_duplicate',
        { predecessor: link.predecessor, successor: link.successor },
        link.successor,
      );
      continue;
    }
    pairs.set(key, link);
    unique.push(link);
  }

  // Cycles: the sheet's links with the project's links that stay.
  const inSheet = (key: string) => rowsOfCode.has(key);
  const gone = (key: string) => context.deleteMissing && !key.startsWith('#') && !inSheet(key);
  const kept = context.existingLinks.filter(
    (edge) => !(inSheet(edge.from) && inSheet(edge.to)) && !gone(edge.from) && !gone(edge.to),
  );
  const edges = [...unique.map((link) => ({ from: link.predecessor, to: link.successor })), ...kept];
  const rowOf = (code: string) => rowsOfCode.get(code)?.[0] ?? 0;
  const name = (key: string) => {
    const title = titleOf.get(key) ?? context.existing.get(key)?.title;
    return title ? `${key} ${title}` : key;
  };
  for (const cycle of findCycles([], edges)) {
    const first = cycle.find(inSheet) ?? cycle[0];
    report(rowOf(first), 'predecessors', 'import_cycle', { path: [...cycle, cycle[0]].map(name).join(' → ') }, first);
  }

  problems.sort((a, b) => a.row - b.row);
  return { tasks: problems.length ? [] : tasks, links: problems.length ? [] : unique, problems };
}

type Say = (field: string, key: ImportProblemKey, params?: ImportProblem['params']) => void;

/** Settles times as the tasks API does (an automatic start snaps to working time). */
function settle(
  calendar: WorkingTime,
  mode: SchedulingMode,
  status: TaskStatus,
  start: number,
  finish: number | undefined,
  duration: number | undefined,
):
  | { ok: true; times: { start: number; finish: number; durationMinutes: number } }
  | { ok: false; field: string; key: ImportProblemKey } {
  const pinned =
    status === TaskStatus.Cancelled
      ? 'excluded'
      : mode === SchedulingMode.Manual || status === TaskStatus.Done || status === TaskStatus.InProgress;
  const scheduledAs = pinned === 'excluded' ? 'excluded' : pinned ? 'manual' : 'automatic';
  try {
    const settled = settleTaskTimes(calendar, scheduledAs, { start, finish, duration });
    if (settled.ok) return { ok: true, times: settled.times };
    return settled.problem.kind === 'finish-before-start'
      ? { ok: false, field: 'finish', key: 'import_finish_before_start' }
      : { ok: false, field: 'duration', key: 'import_times_missing' };
  } catch {
    return { ok: false, field: 'start', key: 'import_outside_calendar' };
  }
}

/** Name lookups of one import (built once, so 10,000 rows cost a map read each). */
class Lookups {
  private readonly departmentByName = new Map<string, string>();
  private readonly crewsByName = new Map<string, ImportContext['crews'][number][]>();
  private readonly children = new Map<string | null, Map<string, string[]>>();
  private readonly byName = new Map<string, string[]>();

  constructor(private readonly context: ImportContext) {
    for (const department of context.departments) this.departmentByName.set(department.name.trim(), department.id);
    for (const crew of context.crews) {
      const name = crew.name.trim();
      this.crewsByName.set(name, [...(this.crewsByName.get(name) ?? []), crew]);
    }
    for (const location of context.locations) {
      let names = this.children.get(location.parentId);
      if (!names) this.children.set(location.parentId, (names = new Map()));
      names.set(location.name, [...(names.get(location.name) ?? []), location.id]);
      this.byName.set(location.name, [...(this.byName.get(location.name) ?? []), location.id]);
    }
  }

  people(department: string, crew: string, say: Say): { departmentId: string | null; crewId: string | null } {
    let departmentId: string | null = null;
    if (department) {
      departmentId = this.departmentByName.get(department) ?? null;
      if (!departmentId) say('department', 'import_department_unknown', { value: department });
    }
    let crewId: string | null = null;
    if (crew) {
      const all = this.crewsByName.get(crew) ?? [];
      const matches = departmentId ? all.filter((c) => c.departmentId === departmentId) : all;
      if (matches.length === 1) {
        crewId = matches[0].id;
        departmentId ??= department ? null : matches[0].departmentId;
      } else if (matches.length > 1) {
        say('crew', 'import_crew_ambiguous', {
          value: crew,
          contractors: matches.map((c) => c.contractorName ?? c.id).join(', '),
        });
      } else if (all.length > 0 && departmentId) {
        say('crew', 'import_crew_other_department', { value: crew, department });
      } else say('crew', 'import_crew_unknown', { value: crew });
    } else if (!department) say('department', 'import_required');
    return { departmentId, crewId };
  }

  place(input: ImportTaskRow, text: (field: keyof ImportTaskRow, max: number) => string, say: Say): string | null {
    const path = text('location', 500);
    const parts: [string, string][] = path
      ? path
          .split(/[/\\>＞]+/u)
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => ['location', part])
      : (['compound', 'building', 'unit'] as const)
          .map((field) => [field, text(field, 200)] as [string, string])
          .filter(([, value]) => value !== '');
    if (parts.length === 0) return null;
    // Down from the top when the first part names a top-level place, else from anywhere by its name.
    let candidates: string[] | undefined;
    for (const [field, name] of parts) {
      const names = (parentIds: (string | null)[]) =>
        parentIds.flatMap((parent) => {
          const under = this.children.get(parent);
          if (!under) return [];
          // "3" in a 楼栋 column names 3号楼; "1" in a 单元 column names 1单元.
          return (
            under.get(name) ?? under.get(`${name}号楼`) ?? under.get(`${name}单元`) ?? under.get(`${name}栋`) ?? []
          );
        });
      const found: string[] = candidates === undefined ? names([null]) : names(candidates);
      const next = candidates === undefined && found.length === 0 ? (this.byName.get(name) ?? []) : found;
      if (next.length === 0) {
        say(field, 'import_location_unknown', { value: parts.map(([, part]) => part).join(' / ') });
        return null;
      }
      candidates = next;
    }
    if ((candidates ?? []).length > 1) {
      say(parts[parts.length - 1][0], 'import_location_ambiguous', {
        value: parts.map(([, part]) => part).join(' / '),
      });
      return null;
    }
    return (candidates as string[])[0];
  }

  label(
    labels: Readonly<Record<string, readonly string[]>>,
    value: string,
    field: string,
    say: Say,
  ): string | undefined {
    if (!value) return undefined;
    const found = valueOfLabel(labels, value);
    if (!found) say(field, 'import_status_invalid', { value });
    return found;
  }

  /** A constraint object: one of the engine's types and a readable instant. */
  constraint(value: unknown, say: Say): { type: ConstraintType; at: number } | null {
    if (value === null || value === undefined) return null;
    const input = value as { type?: unknown; at?: unknown };
    const type = typeof input === 'object' ? input.type : undefined;
    if (typeof type !== 'string' || !(Object.values(ConstraintType) as string[]).includes(type)) {
      say('constraint', 'import_constraint_invalid', {
        value: typeof type === 'string' ? type : cellText(value as CellValue),
      });
      return null;
    }
    const at = this.instant(input.at as CellValue, 'constraint', say);
    return at === undefined ? null : { type: type as ConstraintType, at };
  }

  instant(value: CellValue, field: string, say: Say, endOfDay = false): number | undefined {
    const parsed = parseLocalDateTime(value, this.context.timeZone);
    if (!parsed) {
      say(field, 'import_date_invalid', { value: cellText(value) });
      return undefined;
    }
    // A finish written as a date alone means the end of that day.
    return endOfDay && parsed.dateOnly ? parsed.instant + 86_400_000 : parsed.instant;
  }

  minutes(
    parsed: NotationResult,
    field: string,
    value: string,
    say: Say,
    invalid: ImportProblemKey,
  ): number | undefined {
    if (parsed.ok) return parsed.minutes;
    if (parsed.reason === 'elapsed') say(field, 'import_elapsed_refused', { value });
    else if (parsed.reason === 'percent') say(field, 'import_percent_refused', { value });
    else say(field, invalid, { value });
    return undefined;
  }

  link(
    predecessor: string,
    successor: string,
    type: DependencyType,
    lag: string | null,
    field: string,
    known: (code: string) => boolean,
    say: Say,
  ): Omit<ValidatedLink, 'row'> | undefined {
    let ok = true;
    if (!known(predecessor)) {
      say(field, 'import_predecessor_unknown', { code: predecessor });
      ok = false;
    } else if (predecessor === successor) {
      say(field, 'import_predecessor_self', { code: predecessor });
      ok = false;
    }
    let lagMinutes = 0;
    if (lag !== null) {
      const parsed = parseWorkingMinutes(lag, this.context.minutesPerDay, true);
      const minutes = this.minutes(parsed, field, lag, say, 'import_lag_invalid');
      if (minutes === undefined) ok = false;
      else lagMinutes = minutes;
    }
    return ok && successor ? { predecessor, successor, type, lagMinutes } : undefined;
  }

  materials(value: ImportTaskRow['materials'], say: Say): MaterialItem[] {
    if (isBlank(value)) return [];
    if (Array.isArray(value)) {
      const valid = value.every(
        (item) =>
          typeof item === 'object' &&
          item !== null &&
          typeof item.name === 'string' &&
          item.name.trim().length > 0 &&
          item.name.length <= 200 &&
          (item.quantity === undefined || (typeof item.quantity === 'number' && item.quantity >= 0)) &&
          (item.unit === undefined || (typeof item.unit === 'string' && item.unit.length <= 20)),
      );
      if (!valid || value.length > 200) say('materials', 'import_materials_invalid');
      return valid ? value.map((item) => ({ ...item, name: item.name.trim() })) : [];
    }
    if (typeof value === 'object' && !(value instanceof Date)) {
      say('materials', 'import_materials_invalid');
      return [];
    }
    // "电缆 200 米; 接头 4 个" or "电缆×200米": a name, then a quantity and a unit if given.
    const items = cellText(value)
      .split(/[;；,，、\n]+/u)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const match = /^(.*?)[\s×xX*]*(\d+(?:\.\d+)?)\s*(\S{0,20})$/u.exec(part);
        return match && match[1].trim()
          ? { name: match[1].trim(), quantity: Number(match[2]), ...(match[3] ? { unit: match[3] } : {}) }
          : { name: part };
      });
    if (items.length > 200 || items.some((item) => item.name.length > 200)) {
      say('materials', 'import_materials_invalid');
      return [];
    }
    return items;
  }

  tools(value: ImportTaskRow['tools'], say: Say): string[] {
    if (isBlank(value)) return [];
    const list = Array.isArray(value)
      ? value
      : typeof value === 'object' && !(value instanceof Date)
        ? null
        : cellText(value).split(/[;；,，、\n]+/u);
    if (!list || list.some((tool) => typeof tool !== 'string')) {
      say('tools', 'import_not_text');
      return [];
    }
    const tools = list.map((tool) => tool.trim()).filter(Boolean);
    if (tools.length > 200 || tools.some((tool) => tool.length > 200)) say('tools', 'import_too_long', { max: 200 });
    return tools;
  }

  interruption(value: ImportTaskRow['interruption'], say: Say): ValidatedTask['interruption'] {
    if (isBlank(value)) return null;
    let input: InterruptionInput | null = null;
    if (typeof value === 'object' && value !== null && !(value instanceof Date)) input = value as InterruptionInput;
    else {
      // "停电 2026-12-04 08:00~2026-12-04 12:00" (also "至", "-" between two full date-times).
      const match = /^(\S+)\s+(.+?)\s*(?:~|～|至|到|—|–)\s*(.+)$/u.exec(cellText(value));
      if (match) input = { kind: match[1], start: match[2], end: match[3] };
    }
    const kind = input ? valueOfLabel(INTERRUPTION_LABELS, String(input.kind ?? '')) : undefined;
    const startsAt = input ? parseLocalDateTime(input.start, this.context.timeZone)?.instant : undefined;
    const endsAt = input ? parseLocalDateTime(input.end, this.context.timeZone)?.instant : undefined;
    if (!kind || startsAt === undefined || endsAt === undefined || endsAt <= startsAt) {
      say('interruption', 'import_interruption_invalid', {
        value: typeof value === 'string' ? value : JSON.stringify(value),
      });
      return null;
    }
    return { kind: kind as InterruptionKind, startsAt, endsAt };
  }
}
