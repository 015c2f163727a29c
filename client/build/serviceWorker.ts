import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Emits `sw.js` (from client/sw/sw.js) with the build's version and the app shell to precache
 * written in: index.html, the entry script, its static imports and their styles — what the sign-in
 * page needs anyway, so precaching costs no extra download. The version is a hash of every output
 * file's name (they carry content hashes): a build that changes nothing keeps its version, and a
 * returning visitor's worker fetches only the files whose names changed.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'accord-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      // the shell: the entry script, what it imports statically, and their styles; the rest
      // (the document page, other views, the visitor's language) is cached as it is first used
      const shell = new Set<string>();
      const add = (fileName: string) => {
        const output = bundle[fileName];
        if (!output || shell.has(fileName)) return;
        shell.add(fileName);
        if (output.type !== 'chunk') return;
        output.imports.forEach(add);
        for (const css of output.viteMetadata?.importedCss ?? []) shell.add(css);
      };
      for (const output of Object.values(bundle))
        if (output.type === 'chunk' && output.isEntry) add(output.fileName);
      const precache = ['/', ...[...shell].map((fileName) => `/${fileName}`)];
      precache.sort();
      const names = Object.keys(bundle).sort().join('\n');
      const version = createHash('sha256').update(names).digest('hex').slice(0, 12);
      const template = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'sw', 'sw.js'), 'utf8');
      const source = template
        .replace('__ACCORD_VERSION__', version)
        .replace('[/* __ACCORD_PRECACHE__ */]', JSON.stringify(precache));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
