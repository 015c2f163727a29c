#!/usr/bin/env node
// `npm run devdb`: runs the embedded development database in the foreground (data in .data/db).
import path from 'node:path';
import { ensureDependencies } from './lib/install.mjs';
import { startDevdb } from './lib/devdb.mjs';
import { dataDir } from './lib/paths.mjs';

await ensureDependencies();
const port = Number(process.env.DEVDB_PORT ?? 27017);
const db = await startDevdb({ dir: path.join(dataDir, 'db'), port });
console.log(`accord: development database at ${db.uri} (Ctrl-C stops it)`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => db.stop().then(() => process.exit(0)));
