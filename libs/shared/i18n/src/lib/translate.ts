import { MESSAGES, MessageKey } from './catalog';
import { Locale } from './locale';

/** A value put into a message: plain text or a number, another message (a noun), or a list of these. */
export type ParamValue = string | number | Text | LocalizedText | readonly (string | number | Text | LocalizedText)[];
export type Params = Readonly<Record<string, ParamValue>>;

/** A message not yet rendered: its catalog key and the values of its `{placeholders}`. */
export interface Text {
  readonly key: MessageKey;
  readonly params?: Params;
}

/**
 * A message whose texts live in another framework-free library (e.g. the password policy's
 * reasons, shared with the web app), given in every locale: one source, not a copy here.
 */
export interface LocalizedText {
  readonly localized: Readonly<Record<Locale, string>>;
}

/** A message key alone, or with its parameters, or a message given in every locale. */
export type TextRef = MessageKey | Text | LocalizedText;

/** Separator of list parameters, e.g. field names or task titles. */
const LIST_SEPARATOR: Record<Locale, string> = { 'zh-CN': '、', en: ', ' };

const PLACEHOLDER = /\{(\w+)\}/g;

/** A message as an object (a key becomes `{ key }`), e.g. to put it into another message. */
export function textOf(ref: MessageKey | Text, params?: Params): Text;
export function textOf(ref: TextRef): Text | LocalizedText;
export function textOf(ref: TextRef, params?: Params): Text | LocalizedText {
  if (typeof ref !== 'string') return ref;
  return params ? { key: ref, params } : { key: ref };
}

const isLocalized = (value: unknown): value is LocalizedText =>
  typeof value === 'object' && value !== null && 'localized' in value;

export function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'key' in value;
}

/** The message in `locale`, its placeholders filled; a missing parameter stays visible as `{name}`. */
export function translate(locale: Locale, ref: TextRef): string {
  if (isLocalized(ref)) return ref.localized[locale];
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
  if (isText(value) || isLocalized(value)) return translate(locale, value);
  return String(value);
}

/** The placeholders a template uses, e.g. ["field", "max"] (for checking the catalog). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();
}
