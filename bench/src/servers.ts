import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import ts from 'typescript';
import { repoRoot } from './paths.js';
import { type Child, onCleanup, startChild } from './processes.js';

export const SERVER_NAMES = ['relay', 'y-websocket-server', 'hocuspocus', 'accord'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];
/** the peers Accord is compared with (the relay is the floor, not a peer) */
export const PEERS: ServerName[] = ['y-websocket-server', 'hocuspocus'];

/** How a client reaches one room of one server: URL, headers and the message framing. */
export interface Endpoint {
  url: string;
  headers: Record<string, string>;
  /** sent right after the socket opens, before anything else (hocuspocus: its auth message) */
  openMessages: Uint8Array[];
  wrap(payload: Uint8Array): Uint8Array;
  /** the y-websocket message inside a received frame; undefined to ignore the frame */
  unwrap(frame: Uint8Array): Uint8Array | undefined;
}

export interface RunningServer {
  name: ServerName;
  child: Child;
  /** room names (document ids for Accord) for `count` new documents */
  createDocs(count: number, label: string): Promise<string[]>;
  endpoint(room: string): Endpoint;
  rssKiB(): number;
  stop(): Promise<void>;
}

const identity = (p: Uint8Array) => p;

/**
 * The peer servers' entry files are transpiled to plain JavaScript (bench/dist/servers/) and run
 * with plain `node`, like Accord's built server: running them under the tsx loader would add its
 * memory to their RSS (S4) and its start-up cost.
 */
function compiled(file: string): string {
  const source = path.join(repoRoot, 'bench', 'src', 'servers', file);
  const outDir = path.join(repoRoot, 'bench', 'dist', 'servers');
  const out = path.join(outDir, file.replace(/\.ts$/, '.js'));
  const { outputText } = ts.transpileModule(fs.readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: source,
  });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(out, outputText);
  return out;
}

async function startSimple(name: ServerName, file: string): Promise<RunningServer> {
  const child = await startChild({ label: name, args: [compiled(file)] });
  const remove = onCleanup(() => child.stop());
  let docNo = 0;
  return {
    name,
    child,
    async createDocs(count, label) {
      return Array.from({ length: count }, () => `${label}-${docNo++}`);
    },
    endpoint(room) {
      if (name !== 'hocuspocus') {
        return {
          url: `ws://127.0.0.1:${child.port}/${room}`,
          headers: {},
          openMessages: [],
          wrap: identity,
          unwrap: identity,
        };
      }
      return hocuspocusEndpoint(child.port, room);
    },
    rssKiB: () => child.rssKiB(),
    async stop() {
      remove();
      await child.stop();
    },
  };
}

/** How a client reaches a room of a Hocuspocus server on `port` (its framing and auth message). */
export function hocuspocusEndpoint(port: number, room: string): Endpoint {
  // Hocuspocus: every message starts with the document name (varString); the first message
  // must be Auth (type 2), subtype Token (0), then the token string (provider encoding).
  const prefix = (() => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, room);
    return encoding.toUint8Array(e);
  })();
  const auth = (() => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, room);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, 'bench');
    return encoding.toUint8Array(e);
  })();
  return {
    url: `ws://127.0.0.1:${port}/`,
    headers: {},
    openMessages: [auth],
    wrap(payload) {
      const out = new Uint8Array(prefix.length + payload.length);
      out.set(prefix, 0);
      out.set(payload, prefix.length);
      return out;
    },
    unwrap(frame) {
      const d = decoding.createDecoder(frame);
      decoding.readVarString(d);
      return frame.subarray(d.pos);
    },
  };
}

export const startRelay = () => startSimple('relay', 'relayServer.ts');
export const startYWebsocketServer = () => startSimple('y-websocket-server', 'yWebsocketServer.ts');
export const startHocuspocus = () => startSimple('hocuspocus', 'hocuspocusServer.ts');

// ---------------------------------------------------------------------------------------------
// Accord: the real server (server/dist/main.js) with its real database (the dev FerretDB) and
// real authentication (a registered user's session cookie on every socket).

/** The limits the benchmark raises for itself (printed with the parameters). */
export const ACCORD_BENCH_ENV: Record<string, string> = {
  COLLAB_MAX_CONNECTIONS_PER_USER: '100000',
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: '100000',
  COLLAB_MAX_MESSAGES_PER_SECOND: '100000',
};

/**
 * The node flags Accord runs with everywhere (scripts/lib/serverNodeArgs.mjs), then any extra
 * ones for an experiment or a profile: ACCORD_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p".
 */
export async function accordNodeArgs(): Promise<string[]> {
  const mod = (await import(
    pathToFileURL(path.join(repoRoot, 'scripts', 'lib', 'serverNodeArgs.mjs')).href
  )) as {
    serverNodeArgs: string[];
  };
  return [...mod.serverNodeArgs, ...(process.env.ACCORD_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
}

export const accordMain = path.join(repoRoot, 'server', 'dist', 'main.js');

interface Devdb {
  uri: string;
  stop(): Promise<void>;
}
let devdb: Promise<Devdb> | undefined;

async function sharedDevdb(): Promise<Devdb> {
  devdb ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-db-'));
    const mod = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'lib', 'devdb.mjs')).href)) as {
      startDevdb(o: { dir: string; quiet: boolean }): Promise<Devdb>;
      freePort(): Promise<number>;
    };
    const db = await mod.startDevdb({ dir, quiet: true });
    onCleanup(async () => {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return db;
  })();
  return devdb;
}

export async function freePort(): Promise<number> {
  const mod = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'lib', 'devdb.mjs')).href)) as {
    freePort(): Promise<number>;
  };
  return mod.freePort();
}

export interface AccordServer extends RunningServer {
  cookie: string;
  /** kill -9 the server process (S6) */
  kill9(): Promise<void>;
  /** start it again on the same database and session secret (sessions stay valid) */
  restart(): Promise<void>;
}

const random = (n: number) => crypto.randomBytes(n).toString('hex');

export async function startAccord(): Promise<AccordServer> {
  if (!fs.existsSync(accordMain))
    throw new Error(`${accordMain} is missing: build it with \`npx tsc -b shared server\``);
  const db = await sharedDevdb();
  const env = {
    ...ACCORD_BENCH_ENV,
    HOST: '127.0.0.1',
    MONGODB_URI: `${db.uri}bench_${random(6)}`,
    SESSION_SECRET: random(24),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  };
  const nodeArgs = await accordNodeArgs();
  const launch = async () => {
    const port = await freePort();
    return startChild({
      label: 'accord',
      args: [...nodeArgs, accordMain],
      env: { ...env, PORT: String(port) },
      port,
      readyPath: '/api/health',
      timeoutMs: 60_000,
    });
  };
  let child = await launch();
  let remove = onCleanup(() => child.stop());
  const base = () => `http://127.0.0.1:${child.port}`;

  const email = `bench-${random(4)}@example.org`;
  const res = await fetch(`${base()}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: `bench-${random(8)}`, name: 'Bench' }),
  });
  const body = await res.text();
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`accord register: HTTP ${res.status} ${body}`);
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('accord.sid='));
  if (!sid) throw new Error('accord register: no accord.sid cookie');
  const cookie = sid.split(';')[0]!;

  const server: AccordServer = {
    name: 'accord',
    get child() {
      return child;
    },
    cookie,
    async createDocs(count, label) {
      const ids: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < count) {
          const i = next++;
          const r = await fetch(`${base()}/api/documents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ title: `${label} ${i}` }),
          });
          const json = (await r.json()) as { document?: { id?: string }; id?: string };
          const id = json.document?.id ?? json.id;
          if (r.status >= 300 || !id)
            throw new Error(`accord create document: HTTP ${r.status} ${JSON.stringify(json)}`);
          ids[i] = id;
        }
      };
      await Promise.all(Array.from({ length: Math.min(8, count) }, worker));
      return ids;
    },
    endpoint(room) {
      return {
        url: `ws://127.0.0.1:${child.port}/collab/${room}`,
        headers: { Cookie: cookie },
        openMessages: [],
        wrap: identity,
        unwrap: identity,
      };
    },
    rssKiB: () => child.rssKiB(),
    async stop() {
      remove();
      await child.stop();
    },
    async kill9() {
      remove();
      await child.kill9();
    },
    async restart() {
      remove();
      await child.stop();
      child = await launch();
      remove = onCleanup(() => child.stop());
    },
  };
  return server;
}

export async function startServer(name: ServerName): Promise<RunningServer> {
  switch (name) {
    case 'relay':
      return startRelay();
    case 'y-websocket-server':
      return startYWebsocketServer();
    case 'hocuspocus':
      return startHocuspocus();
    case 'accord':
      return startAccord();
  }
}
