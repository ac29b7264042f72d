import { DOMAIN_MESSAGES } from './messages/domain.messages';
import { FIELD_MESSAGES } from './messages/field.messages';
import { GENERAL_MESSAGES } from './messages/general.messages';
import { NOUN_MESSAGES } from './messages/noun.messages';
import { REPORT_MESSAGES } from './messages/report.messages';
import { TRIAGE_MESSAGES } from './messages/triage.messages';
import { TASK_ACTION_MESSAGES } from './messages/task-actions.messages';
import { UNDO_MESSAGES } from './messages/undo.messages';
import { EXCHANGE_MESSAGES } from './messages/exchange.messages';
import { IMPORT_MESSAGES } from './messages/import.messages';
import { INCIDENT_MESSAGES } from './messages/incident.messages';
import { ANNOUNCEMENT_MESSAGES } from './messages/announcement.messages';
import { MAKE_READY_MESSAGES } from './messages/make-ready.messages';

/** Every server message in zh-CN and English, by key. */
export const MESSAGES = {
  ...GENERAL_MESSAGES,
  ...DOMAIN_MESSAGES,
  ...FIELD_MESSAGES,
  ...NOUN_MESSAGES,
  ...TRIAGE_MESSAGES,
  ...TASK_ACTION_MESSAGES,
  ...UNDO_MESSAGES,
  ...REPORT_MESSAGES,
  ...EXCHANGE_MESSAGES,
  ...IMPORT_MESSAGES,
  ...INCIDENT_MESSAGES,
  ...ANNOUNCEMENT_MESSAGES,
  ...MAKE_READY_MESSAGES,
};

export type MessageKey = keyof typeof MESSAGES;
/** Keys of field problems (class-validator constraint names and the services' field rules). */
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;
export type NounKey = keyof typeof NOUN_MESSAGES;

/** Parts of the catalog, to check that no key is defined twice. */
export const CATALOG_PARTS = {
  GENERAL_MESSAGES,
  DOMAIN_MESSAGES,
  FIELD_MESSAGES,
  NOUN_MESSAGES,
  TRIAGE_MESSAGES,
  UNDO_MESSAGES,
  REPORT_MESSAGES,
  TASK_ACTION_MESSAGES,
  EXCHANGE_MESSAGES,
  IMPORT_MESSAGES,
  INCIDENT_MESSAGES,
  ANNOUNCEMENT_MESSAGES,
  MAKE_READY_MESSAGES,
};

export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(MESSAGES, key);
