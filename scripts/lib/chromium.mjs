import fs from 'node:fs';
import { run } from './run.mjs';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * The browser tests drive Debian's Chromium (a test tool's own browser download cannot work on
 * these machines). Installs it with apt when missing and this process may (root).
 */
export async function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. Install Debian's package: sudo apt-get install chromium`,
    );
  }
  console.log('accord: installing Chromium from Debian packages (browser tests) ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env });
  await run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation'], { env });
}
