import { MESSAGES, MessageKey } from './catalog';
import { Locale } from './locale';

/** A value put into a message: plain text or a number, another message (a noun), or a list of these. */
export type ParamValue = string | number | Text | readonly (string | number | Text)[];
export type Params = Readonly<Record<string, ParamValue>>;

/** A message not yet rendered: its catalog key and the values of its `{placeholders}`. */
export interface Text {
  readonly key: MessageKey;
  readonly params?: Params;
}

/** A message key alone, or with its parameters. */
export type TextRef = MessageKey | Text;

/** Separator of list parameters, e.g. field names or task titles. */
const LIST_SEPARATOR: Record<Locale, string> = { 'zh-CN': '、', en: ', ' };

const PLACEHOLDER = /\{(\w+)\}/g;

export const textOf = (ref: TextRef, params?: Params): Text =>
  typeof ref === 'string' ? (params ? { key: ref, params } : { key: ref }) : ref;

export function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'key' in value;
}

/** The message in `locale`, its placeholders filled; a missing parameter stays visible as `{name}`. */
export function translate(locale: Locale, ref: TextRef): string {
  const text = textOf(ref);
  const entry = MESSAGES[text.key] as Record<Locale, string> | undefined;
  if (!entry) return text.key;
  const params = text.params ?? {};
  return entry[locale].replace(PLACEHOLDER, (placeholder, name: string) =>
    name in params ? renderParam(locale, params[name]) : placeholder,
  );
}

function renderParam(locale: Locale, value: ParamValue): string {
  if (Array.isArray(value)) return value.map((item) => renderParam(locale, item)).join(LIST_SEPARATOR[locale]);
  if (isText(value)) return translate(locale, value);
  return String(value);
}

/** The placeholders a template uses, e.g. ["field", "max"] (for checking the catalog). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();
}
