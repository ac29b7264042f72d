import { CATALOG_PARTS, MESSAGES } from './catalog';
import { LOCALES } from './locale';
import { placeholdersOf } from './translate';

const HAN = /[\u4e00-\u9fff]/;

describe('the message catalog', () => {
  const entries = Object.entries(MESSAGES) as [string, Record<string, string>][];

  it('has every message in every locale, none empty', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const [key, entry] of entries) {
      for (const locale of LOCALES)
        expect({ key, locale, text: entry[locale]?.trim() }).toEqual({
          key,
          locale,
          text: expect.stringMatching(/\S/),
        });
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, entry] of entries) {
      expect({ key, zh: placeholdersOf(entry['zh-CN']) }).toEqual({ key, zh: placeholdersOf(entry['en']) });
    }
  });

  it('is really translated: Chinese texts contain Chinese, English ones none', () => {
    for (const [key, entry] of entries) {
      expect({ key, chinese: HAN.test(entry['zh-CN']) }).toEqual({ key, chinese: true });
      expect({ key, chinese: HAN.test(entry['en']) }).toEqual({ key, chinese: false });
    }
  });

  it('defines no key in two parts', () => {
    const seen = new Map<string, string>();
    for (const [part, messages] of Object.entries(CATALOG_PARTS)) {
      for (const key of Object.keys(messages)) {
        expect({ key, alsoIn: seen.get(key) }).toEqual({ key, alsoIn: undefined });
        seen.set(key, part);
      }
    }
  });
});
