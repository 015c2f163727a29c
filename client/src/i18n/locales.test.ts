import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// the module itself, not the package index: this test must not depend on the rest of shared/
import { ErrorCode } from '../../../shared/src/errorCodes';
import { LOCALES } from './locales/index';

const { en, es, pt, fr } = LOCALES;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** `count_one`, `count_other`, … are one key with plural forms, which differ between languages. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const english = flatten(en as Tree);
const englishBases = new Set([...english.keys()].map(base));

describe('locale files', () => {
  for (const [language, tree] of Object.entries({ es, pt, fr })) {
    it(`${language} translates every English string, with the same placeholders`, () => {
      const translated = flatten(tree as Tree);
      const bases = new Set([...translated.keys()].map(base));
      expect([...englishBases].filter((key) => !bases.has(key))).toEqual([]);
      expect([...bases].filter((key) => !englishBases.has(key))).toEqual([]);
      for (const [key, text] of translated) {
        const source = english.get(key) ?? english.get(`${base(key)}_other`) ?? '';
        expect(variables(text), `${language}: ${key}`).toEqual(variables(source));
        expect(text.trim(), `${language}: ${key}`).not.toBe('');
      }
    });
  }

  it('has a message for every error code of the API', () => {
    for (const code of Object.values(ErrorCode)) expect(english.has(`errors.${code}`), code).toBe(true);
  });

  it('has every key the code asks for', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const missing: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
          const source = fs.readFileSync(file, 'utf8');
          for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
            const key = match[1]!;
            if (!englishBases.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
          }
        }
      }
    };
    walk(root);
    expect(missing).toEqual([]);
  });
});
