import { Locale } from '../locale';

/** A catalog part: each message in every locale, with `{param}` placeholders. */
export type Messages = Record<string, Readonly<Record<Locale, string>>>;
