// Where the project keeps its local, ignored state. Plain JavaScript: these scripts run before
// `npm ci` has installed TypeScript tooling.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dataDir = path.join(root, '.data');
export const cacheDir = path.join(root, '.cache');
