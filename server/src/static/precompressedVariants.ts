import fs from 'node:fs';
import path from 'node:path';

/** The files the build wrote next to one file: `<file>.br`, `<file>.gz`. */
export interface Variants {
  file: string;
  br?: string;
  gzip?: string;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Every file of the client build that has precompressed variants (client/build/precompress.ts),
 * keyed by its URL path (`/assets/index-abc.js`). Read once at start-up: the build does not change
 * under a running server, and a request never touches the disk to find out.
 */
export function precompressedVariants(dir: string): Map<string, Variants> {
  const files = new Set(filesUnder(dir));
  const variants = new Map<string, Variants>();
  for (const file of files) {
    if (file.endsWith('.br') || file.endsWith('.gz')) continue;
    const br = files.has(`${file}.br`) ? `${file}.br` : undefined;
    const gzip = files.has(`${file}.gz`) ? `${file}.gz` : undefined;
    if (!br && !gzip) continue;
    const urlPath = '/' + path.relative(dir, file).split(path.sep).join('/');
    variants.set(urlPath, { file, br, gzip });
  }
  return variants;
}
