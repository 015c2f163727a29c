import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The strings only the document page uses (locales/document/, the "document" namespace) load with
// that page. Every module the first load runs — everything main.tsx reaches through static
// imports; lazy pages are dynamic imports — must find its strings in the default namespace, or
// the sign-in and list pages would show raw keys.

const clientSrc = path.resolve(import.meta.dirname, '..');
const locales = path.join(clientSrc, 'i18n', 'locales');

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = '', out = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.add(prefix + key);
    else keysOf(value, `${prefix}${key}.`, out);
  }
  return out;
}

function englishKeys(dir: string): Set<string> {
  const keys = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => /(^|\.)en\.json$/.test(f))) {
    keysOf(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Tree, '', keys);
  }
  return keys;
}

/** The client modules `file` reaches through static value imports (not `import type`, not `import()`). */
function firstLoad(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^;]*?from\s+)?'(\.[^']+)'/gms)) {
    const base = path.resolve(path.dirname(file), match[1]!);
    const target = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((f) => fs.existsSync(f));
    if (target) firstLoad(target, seen);
  }
  return seen;
}

describe('the document page’s strings', () => {
  it('are used by no module of the first load', () => {
    const documentKeys = [...englishKeys(path.join(locales, 'document'))];
    const defaultKeys = englishKeys(locales);
    expect(documentKeys.length).toBeGreaterThan(100);
    const offenders: string[] = [];
    const modules = firstLoad(path.join(clientSrc, 'main.tsx'));
    expect(modules.size).toBeGreaterThan(50);
    for (const file of modules) {
      const source = fs.readFileSync(file, 'utf8');
      // t('a.b'), t(`a.b.${x}`), i18nKey="a.b"
      for (const match of source.matchAll(/(?:\bt\(\s*['`]|i18nKey=["'])([a-zA-Z0-9_.]+)/g)) {
        const key = match[1]!;
        const prefix = key.endsWith('.') ? key : null;
        const inDocument = prefix
          ? documentKeys.some((k) => k.startsWith(prefix))
          : !defaultKeys.has(key) &&
            !defaultKeys.has(`${key}_other`) &&
            documentKeys.some((k) => k === key || k === `${key}_other`);
        if (inDocument) offenders.push(`${path.relative(clientSrc, file)}: ${key}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
