export { COMPACT_SCHEDULE_MEDIA_TYPE, decodeSchedule, encodeSchedule, SCHEDULE_WIRE_FORMAT } from './lib/compact-schedule';
export type { CompactSchedule } from './lib/compact-schedule';
export type { Column, DictColumn, InstantColumn } from './lib/columns';
