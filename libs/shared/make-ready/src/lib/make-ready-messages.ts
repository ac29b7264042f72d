/**
 * Messages the make-ready jobs send, one ledger row each: an owner's reminder of open
 * constraints coming due, and the coordinators' 18:00 list of tomorrow's tasks not ready.
 */
export const MAKE_READY_MESSAGE_PURPOSES = ['constraint_reminder', 'not_ready_list'] as const;
export type MakeReadyMessagePurpose = (typeof MAKE_READY_MESSAGE_PURPOSES)[number];
