import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Emits `sw.js` (from client/sw/sw.js) with the build's version and the files to precache written
 * in: index.html and every script and style of the build except the other languages' strings (a
 * visitor's own language is cached when it is first loaded). The version is a hash of those
 * files' names, which carry content hashes: a build that changes nothing keeps its version, and
 * a returning visitor's worker fetches only the files whose names changed.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'accord-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const precache = ['/'];
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!/\.(?:js|css)$/.test(fileName)) continue;
        if (output.type === 'chunk' && /[\\/]locales[\\/]bundles[\\/]/.test(output.facadeModuleId ?? ''))
          continue;
        precache.push(`/${fileName}`);
      }
      precache.sort();
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const template = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'sw', 'sw.js'), 'utf8');
      const source = template
        .replace('__ACCORD_VERSION__', version)
        .replace('[/* __ACCORD_PRECACHE__ */]', JSON.stringify(precache));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
