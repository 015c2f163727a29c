import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
// @ts-expect-error plain JavaScript helper shared with the start and test scripts
import { freePort } from '../../scripts/lib/devdb.mjs';

const TEMPLATE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../deploy/nginx/accord.conf.template',
);

/** Debian's nginx, with Accord's configuration (deploy/nginx), in front of two instances. */
export interface TestNginx {
  url: string;
  wsUrl: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
});

/** `upstreams`: the two instances' host:port. */
export async function startNginx(upstreams: [string, string]): Promise<TestNginx> {
  const port: number = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-nginx-'));
  fs.chmodSync(dir, 0o777);
  const values: Record<string, string> = {
    ACCORD_A: upstreams[0],
    ACCORD_B: upstreams[1],
    NGINX_PORT: `127.0.0.1:${port}`,
  };
  // envsubst, as the nginx image does: only the variables given (nginx's own $vars stay)
  const site = fs
    .readFileSync(TEMPLATE, 'utf8')
    .replace(/\$\{(ACCORD_A|ACCORD_B|NGINX_PORT)\}/g, (_, name: string) => values[name]!);
  fs.writeFileSync(path.join(dir, 'accord.conf'), site);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      root ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 1024; }',
      'http {',
      `  access_log off;`,
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/accord.conf;`,
      '}',
    ].join('\n'),
  );
  const child = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // ready once it accepts connections
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${output}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    stop: async () => {
      running.delete(child);
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
      });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
