import fs from 'node:fs';
import { run } from './run.mjs';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * The browser tests drive Debian's Chromium (a test tool's own browser download cannot work on
 * these machines). Installs it with apt when missing and this process may (root).
 */
export async function ensureChromium() {
  await ensureDebianPackages(CHROMIUM, ['chromium', 'fonts-liberation'], 'browser tests');
}

/** The tests of several instances start Debian's redis-server and nginx on free ports. */
export async function ensureRedisAndNginx() {
  await ensureDebianPackages('/usr/bin/redis-server', ['redis-server'], 'tests of several instances');
  await ensureDebianPackages('/usr/sbin/nginx', ['nginx'], 'tests of several instances');
}

async function ensureDebianPackages(binary, packages, why) {
  if (fs.existsSync(binary)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `${binary} is missing. Install Debian's package: sudo apt-get install ${packages.join(' ')}`,
    );
  }
  console.log(`accord: installing ${packages.join(', ')} from Debian packages (${why}) ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env });
  await run('apt-get', ['install', '-y', '-qq', ...packages], { env });
}
