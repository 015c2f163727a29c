import type { LanguageCode } from '../LANGUAGES';

/**
 * Every interface string, per language, for tests (the app loads them as bundles/ says: the
 * document page's strings, in document/, only with the document page). Features keep their
 * strings in files of their own (`<feature>.<language>.json`, under one top-level key such as
 * "comments"); a key may be split between the two sets (structure.import is needed by the list,
 * the rest of structure by the document page), so they are merged deeply.
 */
const FILES = import.meta.glob<Record<string, unknown>>(['./*.json', './document/*.json'], {
  eager: true,
  import: 'default',
});

type Tree = { [key: string]: unknown };

function mergeInto(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing && typeof existing === 'object' && value && typeof value === 'object')
      mergeInto(existing as Tree, value as Tree);
    else if (existing !== undefined) throw new Error(`the string ${key} is defined twice`);
    else target[key] = typeof value === 'object' && value ? mergeInto({}, value as Tree) : value;
  }
  return target;
}

function stringsOf(language: LanguageCode): Record<string, unknown> {
  const merged: Tree = {};
  for (const [file, strings] of Object.entries(FILES)) {
    if (file.endsWith(`/${language}.json`) || file.endsWith(`.${language}.json`)) mergeInto(merged, strings);
  }
  return merged;
}

export const LOCALES: Record<LanguageCode, Record<string, unknown>> = {
  en: stringsOf('en'),
  es: stringsOf('es'),
  pt: stringsOf('pt'),
  fr: stringsOf('fr'),
};
