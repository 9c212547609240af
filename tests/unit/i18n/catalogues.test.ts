import { describe, expect, it } from 'vitest';
import { locales, readCatalogue } from './catalogue';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map(([, name]) => name as string).sort();
const PLURAL_FORM = /_(zero|one|two|few|many|other)$/;

describe('the extension’s message catalogues', () => {
  const english = readCatalogue('en');

  it('has English and German, and every catalogue holds exactly the keys English holds', () => {
    expect(locales()).toEqual(expect.arrayContaining(['de', 'en']));
    for (const locale of locales()) {
      const keys = Object.keys(readCatalogue(locale));
      const plurallessKeys = (list: string[]): string[] => [...new Set(list.map((key) => key.replace(PLURAL_FORM, '_PLURAL')))].sort();
      expect({ locale, keys: plurallessKeys(keys) }).toEqual({ locale, keys: plurallessKeys(Object.keys(english)) });
    }
  });

  it('uses the same placeholders for a message in every language', () => {
    for (const locale of locales()) {
      const catalogue = readCatalogue(locale);
      for (const [key, { message }] of Object.entries(catalogue)) {
        const base = key.replace(PLURAL_FORM, '_other');
        const englishText = english[key]?.message ?? english[base]?.message ?? '';
        const expected = placeholders(englishText).filter((name) => name !== 'count');
        expect({ locale, key, placeholders: placeholders(message).filter((name) => name !== 'count') }).toEqual({ locale, key, placeholders: expected });
      }
    }
  });

  it('gives every plural an "other" form and the forms its language’s plural rules use', () => {
    for (const locale of locales()) {
      const catalogue = readCatalogue(locale);
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const bases = new Set(Object.keys(catalogue).filter((key) => PLURAL_FORM.test(key)).map((key) => key.replace(PLURAL_FORM, '')));
      for (const base of bases) {
        for (const category of categories) expect({ locale, key: `${base}_${category}`, present: `${base}_${category}` in catalogue }).toMatchObject({ present: true });
      }
    }
  });

  it('has message names Chrome accepts, unique without regard to case, and no "$" (Chrome reads it as a substitution)', () => {
    for (const locale of locales()) {
      const catalogue = readCatalogue(locale);
      const names = Object.keys(catalogue);
      expect(names.filter((name) => !/^[A-Za-z0-9_]+$/.test(name) || name.startsWith('@@'))).toEqual([]);
      expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
      expect(Object.entries(catalogue).filter(([, { message }]) => message.includes('$')).map(([name]) => name)).toEqual([]);
    }
  });

  it('translates: a German message differs from its English one unless it is a name or pure punctuation', () => {
    const german = readCatalogue('de');
    const same = Object.entries(german).filter(([key, { message }]) => message === english[key]?.message && /\p{L}{4,} \p{L}{4,}/u.test(message));
    expect(same.map(([key]) => key)).toEqual([]);
  });
});
