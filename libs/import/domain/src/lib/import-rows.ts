/** A cell as read from a sheet or a JSON field. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One line of the materials list. */
export interface MaterialItem {
  name: string;
  quantity?: number;
  unit?: string;
}

/** A utility cut as a JSON import gives it. */
export interface InterruptionInput {
  kind: string;
  start: CellValue;
  end: CellValue;
}

/**
 * One task of an import, as the sheet has it: places, crews and departments by name, times as
 * text (or Excel serials), predecessors as "12FS+2d; 15SS". `row` is the sheet row the
 * reports name (default: its position in the list, from 1).
 */
export interface ImportTaskRow {
  row?: number;
  code?: CellValue;
  title?: CellValue;
  department?: CellValue;
  crew?: CellValue;
  compound?: CellValue;
  building?: CellValue;
  unit?: CellValue;
  /** A place by its path ("和平新村/3号楼/1单元") instead of compound, building and unit. */
  location?: CellValue;
  start?: CellValue;
  finish?: CellValue;
  /** "3天", "4h", or a number of working days. */
  duration?: CellValue;
  durationMinutes?: CellValue;
  predecessors?: CellValue;
  materials?: CellValue | MaterialItem[];
  tools?: CellValue | string[];
  safetyNotes?: CellValue;
  /** "停电 2026-12-04 08:00~2026-12-04 12:00", or an object. */
  interruption?: CellValue | InterruptionInput;
  status?: CellValue;
  /** automatic (default) or manual. */
  mode?: CellValue;
  /** A date constraint the engine holds (JSON and MS Project imports): must_start_on, start_no_earlier_than, finish_no_later_than. */
  constraint?: ConstraintInput | null;
}

/** A constraint as a JSON import gives it: its type and its instant (text in the project zone, or a serial). */
export interface ConstraintInput {
  type: string;
  at: CellValue;
}

/** A link of an import by the tasks' codes. */
export interface ImportLinkRow {
  row?: number;
  predecessor?: CellValue;
  successor?: CellValue;
  type?: CellValue;
  /** "+2d", "-4h", or a number of working days. */
  lag?: CellValue;
  lagMinutes?: CellValue;
}

export const TASK_ROW_KEYS: readonly (keyof ImportTaskRow)[] = [
  'row',
  'code',
  'title',
  'department',
  'crew',
  'compound',
  'building',
  'unit',
  'location',
  'start',
  'finish',
  'duration',
  'durationMinutes',
  'predecessors',
  'materials',
  'tools',
  'safetyNotes',
  'interruption',
  'status',
  'mode',
  'constraint',
];

export const LINK_ROW_KEYS: readonly (keyof ImportLinkRow)[] = [
  'row',
  'predecessor',
  'successor',
  'type',
  'lag',
  'lagMinutes',
];

/** Keys of the import messages (texts in @worksite/shared-i18n). */
export type ImportProblemKey =
  | 'import_required'
  | 'import_unknown_field'
  | 'import_not_text'
  | 'import_too_long'
  | 'import_code_duplicate'
  | 'import_department_unknown'
  | 'import_crew_unknown'
  | 'import_crew_ambiguous'
  | 'import_crew_other_department'
  | 'import_location_unknown'
  | 'import_location_ambiguous'
  | 'import_date_invalid'
  | 'import_duration_invalid'
  | 'import_elapsed_refused'
  | 'import_percent_refused'
  | 'import_lag_invalid'
  | 'import_finish_before_start'
  | 'import_times_missing'
  | 'import_outside_calendar'
  | 'import_predecessor_unknown'
  | 'import_predecessor_self'
  | 'import_link_type_invalid'
  | 'import_link_duplicate'
  | 'import_cycle'
  | 'import_status_invalid'
  | 'import_mode_invalid'
  | 'import_interruption_invalid'
  | 'import_materials_invalid'
  | 'import_too_many_rows'
  | 'import_constraint_invalid';

/** One problem of an import: the sheet row, the task's code when known, the field. */
export interface ImportProblem {
  row: number;
  code?: string;
  /** An ImportField, or a link field (links[n].lag) of a JSON import. */
  field: string;
  key: ImportProblemKey;
  params?: Record<string, string | number>;
}
