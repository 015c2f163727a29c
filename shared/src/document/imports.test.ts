import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// policySchema is built at module load from policyExtensions; an import cycle back into it
// breaks loading with a TDZ error that only shows in some import orders. Keep the graph acyclic.
const root = dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('document module graph', () => {
  it('has no import cycles and imports nothing from server or client', () => {
    const graph = new Map<string, string[]>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/from '(\.\.\/)+(server|client)\//);
      const deps = [...text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)].map((m) =>
        resolve(dirname(file), `${m[1]}.ts`),
      );
      graph.set(file, deps);
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, stack: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...stack.slice(stack.indexOf(file)), file].map((f) => relative(root, f)).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const dep of graph.get(file) ?? []) visit(dep, [...stack, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
