export {
  CalendarSpecError,
  DEFAULT_TIME_ZONE,
  DEFAULT_WORKING_WINDOWS,
  normalizeCalendarSpec,
} from './lib/calendar/calendar-spec';
export type {
  Blackout,
  CalendarSpec,
  IsoWeekday,
  LocalDate,
  LocalTime,
  MakeUpWorkday,
  TimeWindow,
} from './lib/calendar/calendar-spec';
export { WorkingCalendar } from './lib/calendar/working-calendar';
export { slipInWorkingDays, workingDayMinutes } from './lib/calendar/slip';
export type { NonWorkingPiece, TimeRange } from './lib/calendar/working-calendar';
export type { LinkInput, ProjectInput, TaskConstraint, TaskInput } from './lib/model/project-input';
export type { ScheduleChange } from './lib/model/schedule-change';
export type { Outcome, ScheduleError } from './lib/model/schedule-error';
export type {
  ScheduleResult,
  ScheduledLink,
  ScheduledTask,
  TaskMove,
  TimeSpan,
  Violation,
} from './lib/model/schedule-result';
export { SchedulingEngine } from './lib/engine/scheduling-engine';
export type { ChangeOutcome } from './lib/engine/scheduling-engine';
export { scheduleProject } from './lib/schedule-project';
export { ChainIndex, downstreamChain, upstreamChain } from './lib/chains/chain-query';
export type { ChainItem, ChainLink, ChainOptions } from './lib/chains/chain-query';
export type {
  Conflict,
  ConflictKind,
  ConflictQuery,
  ConflictTask,
  LocationParents,
  TaskInterruption,
} from './lib/conflicts/conflict-types';
export { compareConflicts, detectConflicts } from './lib/conflicts/detect-conflicts';
export { clashParents } from './lib/conflicts/clash-parents';
export type { PlaceNode } from './lib/conflicts/clash-parents';
