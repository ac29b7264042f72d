export {
  formatDuration,
  MAX_DURATION_DAYS,
  normalizeWidth,
  notationLanguage,
  parseDuration,
  parseSignedDuration,
} from './lib/duration';
export type { DurationError, DurationErrorKind, DurationResult, Unit } from './lib/duration';
export { formatPredecessors, LINK_TYPES, parsePredecessors, splitPredecessorItems } from './lib/predecessors';
export type {
  LinkType,
  PredecessorError,
  PredecessorErrorKind,
  PredecessorLink,
  PredecessorsResult,
} from './lib/predecessors';
