export {
  COMPACT_SCHEDULE_MEDIA_TYPE,
  decodeSchedule,
  encodeSchedule,
  SCHEDULE_WIRE_FORMAT,
  TASK_INSTANT_FIELDS,
} from './lib/compact-schedule';
export type { CompactSchedule, ScheduledTaskSource, ScheduleSource, TaskInstantField } from './lib/compact-schedule';
export type { Column, DictColumn, InstantColumn } from './lib/columns';
export { compactScheduleText } from './lib/compact-text';
export type { CompactColumns } from './lib/compact-text';
