import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales/index';

/**
 * Counters are never "1 ouverts" (issue 12): every string with a count has the plural forms of
 * each language, and the code asks for every such string with `count`.
 *
 * Forms required: `_one` and `_other` in every language. The languages' other CLDR form, `many`
 * (es, pt, fr: exact millions, "1 million de …" in words), falls back to `_other` in i18next, which
 * is right when the number is written in digits, as Accord writes it.
 */
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const REQUIRED_FORMS = ['one', 'other'];
const languages = Object.entries(LOCALES).map(([language, tree]) => ({
  language,
  strings: flatten(tree as Tree),
}));

/** Keys the code asks for with a `count` (a template key `a.b.${x}` stands for every key under a.b). */
function keysUsedWithCount(): string[] {
  const root = path.resolve(import.meta.dirname, '..');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(file, 'utf8');
        for (const match of source.matchAll(/\bt\(\s*(['`])([^'`]+)\1\s*,\s*\{([^}]*)\}/g)) {
          if (!/\bcount\b/.test(match[3]!)) continue;
          const key = match[2]!;
          const template = key.indexOf('${');
          if (template < 0) found.push(key);
          else {
            const prefix = key.slice(0, template);
            const english = languages.find((l) => l.language === 'en')!.strings;
            for (const k of english.keys()) if (k.startsWith(prefix)) found.push(k.replace(PLURAL, ''));
          }
        }
      }
    }
  };
  walk(root);
  return [...new Set(found)].sort();
}

describe('plural forms', () => {
  const used = keysUsedWithCount();

  it('finds the counters in the code', () => {
    expect(used).toEqual(expect.arrayContaining(['comments.toggle', 'notifications.buttonLabel']));
  });

  for (const { language, strings } of languages) {
    it(`${language}: every key used with a count has its plural forms`, () => {
      const missing = used.flatMap((key) =>
        REQUIRED_FORMS.filter((form) => !strings.has(`${key}_${form}`)).map((form) => `${key}_${form}`),
      );
      expect(missing).toEqual([]);
    });

    it(`${language}: a string with {{count}} is a plural form, asked for with its count`, () => {
      const bare = [...strings].filter(
        ([key, text]) => /\{\{\s*count\s*\}\}/.test(text) && !PLURAL.test(key),
      );
      expect(bare.map(([key]) => key)).toEqual([]);
      const pluralKeys = [
        ...new Set([...strings.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ''))),
      ];
      expect(pluralKeys.filter((key) => !used.includes(key))).toEqual([]);
    });
  }
});
