import path from 'node:path';
import { execFileSync } from 'node:child_process';

/** The e2e suite drives the production build that `npm start` serves. */
export default function setup() {
  if (process.env.ACCORD_TEST_BUILT) return;
  const root = path.resolve(import.meta.dirname, '..', '..');
  execFileSync('npm', ['run', '--silent', 'build', '-w', 'client'], { cwd: root, stdio: 'inherit' });
}
