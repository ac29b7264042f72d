/** The languages server messages exist in; Chinese is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The locale of a language tag (zh, zh-TW, en-US…), or undefined for other languages. */
export function localeOfTag(tag: string | false | undefined | null): Locale | undefined {
  const language = (tag || '').toLowerCase().split('-')[0];
  if (language === 'zh') return 'zh-CN';
  if (language === 'en') return 'en';
  return undefined;
}
