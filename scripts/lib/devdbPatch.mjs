// A one-line fix to FerretDB 1.24, applied when the development database is built, so no FerretDB
// source is kept in this repository: the module is copied from Go's module cache into .cache/,
// patched there, and the build uses it through a `replace` in a generated go.mod (-modfile).
//
// FerretDB's SQLite backend creates the `_id` index on the expression `_ferretdb_sjson->"_id"` but
// looks documents up by `_id` with `_ferretdb_sjson->'$._id'`. SQLite uses an index on an
// expression only for that same expression, so every lookup, update and delete by `_id` scanned
// the whole collection (EXPLAIN QUERY PLAN: "SCAN" instead of "SEARCH … USING INDEX"); a missing
// key cost ~45 ms with 10,000 updates stored. Both expressions read the same field, so the lookups
// now use the index's own. server/src/database/idLookups.db.test.ts checks the plan.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const MODULE = 'github.com/FerretDB/FerretDB';
const FILE = 'internal/backends/sqlite/metadata/metadata.go';
const FROM = `IDColumn = DefaultColumn + "->'$._id'"`;
const TO = 'IDColumn = DefaultColumn + `->"_id"`';

/** Prepares the patched module in `outDir`; returns the go.mod to build with (`-modfile`). */
export function writeDevdbModfile(sourceDir, outDir) {
  execFileSync('go', ['mod', 'download', MODULE], { cwd: sourceDir, stdio: 'inherit' });
  const moduleDir = execFileSync('go', ['list', '-m', '-f', '{{.Dir}}', MODULE], { cwd: sourceDir })
    .toString()
    .trim();
  const copy = path.join(outDir, 'ferretdb');
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(moduleDir, copy, { recursive: true });
  // the module cache is read-only
  execFileSync('chmod', ['-R', 'u+w', copy]);
  const file = path.join(copy, FILE);
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(FROM)) throw new Error(`devdb: ${FILE} of ${MODULE} no longer has the line to fix`);
  fs.writeFileSync(file, text.replace(FROM, TO));
  const modfile = path.join(outDir, 'go.mod');
  const gomod = fs.readFileSync(path.join(sourceDir, 'go.mod'), 'utf8');
  fs.writeFileSync(modfile, `${gomod}\nreplace ${MODULE} => ${copy}\n`);
  fs.copyFileSync(path.join(sourceDir, 'go.sum'), path.join(outDir, 'go.sum'));
  return modfile;
}
