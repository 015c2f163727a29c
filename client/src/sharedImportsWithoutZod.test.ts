import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The client bundle carries no zod (≈20 KB brotli): what it imports from @accord/shared must live in
// modules that do not import zod, directly or through their own imports. A value the client needs
// goes in a zod-free module next to the schema (e.g. schemas/joinLinkValues.ts), re-exported there.

const clientSrc = path.resolve(import.meta.dirname);
const sharedSrc = path.resolve(clientSrc, '..', '..', 'shared', 'src');

function files(dir: string, ext: RegExp): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => ext.test(f) && !f.includes('.test.'))
    .map((f) => path.join(dir, f));
}

/** Value names the client imports from @accord/shared (type-only imports left out). */
function clientImports(): Set<string> {
  const names = new Set<string>();
  for (const file of files(clientSrc, /\.tsx?$/)) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/import\s+(?!type\b)\{([^}]*)\}\s+from\s+'@accord\/shared'/g)) {
      for (const part of match[1]!.split(',')) {
        const name = part.trim();
        if (name && !name.startsWith('type ')) names.add(name.split(/\s+as\s+/)[0]!);
      }
    }
  }
  return names;
}

/** The zod-importing modules `file` reaches through its value imports and re-exports. */
function zodReached(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8');
  const found = /from 'zod'/.test(source) ? [path.relative(sharedSrc, file)] : [];
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
    let target = path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, '.ts'));
    if (!fs.existsSync(target)) target = target.replace(/\.ts$/, '/index.ts');
    if (fs.existsSync(target)) found.push(...zodReached(target, seen));
  }
  return found;
}

describe('the client imports nothing from shared/ that brings zod', () => {
  it('every value it imports is defined in a zod-free module', () => {
    const sharedFiles = files(sharedSrc, /\.ts$/);
    const offenders: string[] = [];
    for (const name of clientImports()) {
      const definition = new RegExp(`export (const|function|class|enum) ${name}\\b`);
      for (const file of sharedFiles) {
        if (!definition.test(fs.readFileSync(file, 'utf8'))) continue;
        const zod = zodReached(file);
        if (zod.length > 0) offenders.push(`${name} (${path.relative(sharedSrc, file)} → ${zod.join(', ')})`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
