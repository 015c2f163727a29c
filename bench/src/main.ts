/**
 * Accord's side-by-side benchmark: every scenario against a do-nothing relay (the floor),
 * @y/websocket-server 0.1.1, @hocuspocus/server 4.7.0 and Accord, in the same run, with the same
 * raw y-websocket-protocol clients. `npm run bench [-- --quick] [-- --scenario S1,S3]
 * [-- --servers relay,accord]`. Writes bench/results/<date>[-suffix].{json,md}.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { performance as nodePerformance } from 'node:perf_hooks';
import { benchDir, repoRoot } from './paths.js';
import { cleanupAll } from './processes.js';
import {
  ACCORD_BENCH_ENV,
  accordNodeArgs,
  PEERS,
  SERVER_NAMES,
  type ServerName,
  accordMain,
  startServer,
} from './servers.js';
import type { Scenario, ScenarioResult } from './scenarios/common.js';
import { s1 } from './scenarios/s1.js';
import { s2 } from './scenarios/s2.js';
import { s3 } from './scenarios/s3.js';
import { s4 } from './scenarios/s4.js';
import { s5 } from './scenarios/s5.js';
import { s6 } from './scenarios/s6.js';
import { tracePath } from './trace.js';

const SCENARIOS: Scenario[] = [s1, s2, s3, s4, s5, s6];

function parseArgs(argv: string[]) {
  let quick = false;
  let scenarios = SCENARIOS.map((s) => s.id);
  let servers: ServerName[] = [...SERVER_NAMES];
  let out: string | undefined;
  let repeat = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') quick = true;
    else if (a.startsWith('--scenario'))
      scenarios = value()
        .toUpperCase()
        .split(',')
        .map((s) => s.trim());
    else if (a.startsWith('--servers'))
      servers = value()
        .split(',')
        .map((s) => s.trim()) as ServerName[];
    else if (a.startsWith('--out')) out = value();
    else if (a.startsWith('--repeat')) repeat = Math.max(1, Math.floor(Number(value())) || 1);
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npm run bench -- [--quick] [--scenario S1,S2,...] [--servers relay,y-websocket-server,hocuspocus,accord] [--repeat N] [--out name]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const s of scenarios) if (!SCENARIOS.some((x) => x.id === s)) throw new Error(`unknown scenario ${s}`);
  for (const s of servers) if (!SERVER_NAMES.includes(s)) throw new Error(`unknown server ${s}`);
  return { quick, scenarios, servers, out, repeat };
}

const fmt = (v: unknown): string =>
  typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '-') : String(v ?? '-');

function versionOf(pkg: string): string {
  try {
    const p = path.join(repoRoot, 'node_modules', ...pkg.split('/'), 'package.json');
    return (JSON.parse(fs.readFileSync(p, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

interface ServerRun {
  server: ServerName;
  ok: boolean;
  error?: string;
  result?: ScenarioResult;
  seconds: number;
  /** 1-minute load average of the machine when this server's run started and ended (noise hint) */
  load: string;
}

interface ScenarioRun {
  id: string;
  title: string;
  target: string;
  params: Record<string, number | string>;
  metrics: Scenario['metrics'];
  runs: ServerRun[];
  /** per metric: best peer, its value, Accord's value and Accord / best peer */
  comparison: Record<
    string,
    { bestPeer?: string; bestPeerValue?: number; accord?: number; relay?: number; ratio?: number }
  >;
}

function compare(s: Scenario, runs: ServerRun[]): ScenarioRun['comparison'] {
  const value = (name: string, key: string) => {
    const v = runs.find((r) => r.server === name && r.ok)?.result?.[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  };
  const out: ScenarioRun['comparison'] = {};
  for (const m of s.metrics) {
    let best: { name: string; v: number } | undefined;
    for (const p of PEERS) {
      const v = value(p, m.key);
      if (v === undefined) continue;
      if (!best || (m.better === 'lower' ? v < best.v : v > best.v)) best = { name: p, v };
    }
    const accord = value('accord', m.key);
    out[m.key] = {
      bestPeer: best?.name,
      bestPeerValue: best?.v,
      accord,
      relay: value('relay', m.key),
      ratio:
        best && accord !== undefined && best.v !== 0 ? Math.round((accord / best.v) * 100) / 100 : undefined,
    };
  }
  return out;
}

/** One run of a scenario on a fresh server. */
async function runOnce(s: Scenario, name: ServerName, quick: boolean): Promise<ServerRun> {
  const t0 = performance.now();
  const loadBefore = os.loadavg()[0]!.toFixed(2);
  const load = () => `${loadBefore}->${os.loadavg()[0]!.toFixed(2)}`;
  let server;
  try {
    server = await startServer(name);
    const srv = server;
    const pid0 = srv.child.pid;
    const cpu0 = srv.child.cpuSeconds();
    const elu0 = nodePerformance.eventLoopUtilization();
    const w0 = performance.now();
    const result = await s.run(srv, quick, (line) => console.log(`   [${name}] ${line}`));
    const wall = (performance.now() - w0) / 1000;
    // rough load indicators over the whole scenario (setup included): the server child's CPU
    // share of one core, and how busy the load generator's event loop was (1 = saturated)
    const cpu = srv.child.cpuSeconds() - cpu0;
    if (Number.isFinite(cpu) && srv.child.pid === pid0)
      result.serverCpuPercent = Math.round((cpu / wall) * 100);
    result.clientEventLoopUtilization =
      Math.round(nodePerformance.eventLoopUtilization(elu0).utilization * 100) / 100;
    console.log(`   ${name.padEnd(20)} ${JSON.stringify(result)} (load ${load()})`);
    return {
      server: name,
      ok: true,
      result,
      seconds: Math.round(performance.now() - t0) / 1000,
      load: load(),
    };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    console.log(`   ${name.padEnd(20)} FAILED: ${msg}`);
    return {
      server: name,
      ok: false,
      error: msg,
      seconds: Math.round(performance.now() - t0) / 1000,
      load: load(),
    };
  } finally {
    await server?.stop().catch(() => {});
  }
}

/**
 * A server's figures over repeated runs: the median of each number (the other values from the
 * last run); `<metric> runs` lists every run's value of the scenario's figures. One failed run
 * fails the server.
 */
function combineRuns(name: ServerName, attempts: ServerRun[], metricKeys: string[]): ServerRun {
  if (attempts.length === 1) return attempts[0]!;
  const seconds = Math.round(attempts.reduce((sum, a) => sum + a.seconds, 0) * 1000) / 1000;
  const load = attempts.map((a) => a.load).join(', ');
  const failed = attempts.find((a) => !a.ok);
  if (failed) return { server: name, ok: false, error: failed.error, seconds, load };
  const results = attempts.map((a) => a.result!);
  const result: ScenarioResult = { ...results[results.length - 1]! };
  for (const key of Object.keys(result)) {
    const values = results.map((r) => r[key]);
    if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) continue;
    const sorted = (values as number[]).slice().sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    result[key] =
      sorted.length % 2 ? sorted[mid]! : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 1000) / 1000;
    if (metricKeys.includes(key)) result[`${key} runs`] = values.join(' / ');
  }
  result.runs = attempts.length;
  return { server: name, ok: true, result, seconds, load };
}

function table(run: ScenarioRun): string {
  const extraKeys = new Set<string>();
  for (const r of run.runs) for (const k of Object.keys(r.result ?? {})) extraKeys.add(k);
  const metricKeys = run.metrics.map((m) => m.key);
  const keys = [...metricKeys, ...[...extraKeys].filter((k) => !metricKeys.includes(k))];
  const header = [
    'server',
    ...keys.map((k) => {
      const m = run.metrics.find((x) => x.key === k);
      return m ? `**${m.label} (${m.unit})**` : k;
    }),
    'load avg',
  ];
  const rows = run.runs.map((r) =>
    r.ok
      ? [r.server, ...keys.map((k) => fmt(r.result?.[k])), r.load]
      : [r.server, `FAILED: ${(r.error ?? '').split('\n')[0]}`, ...keys.slice(1).map(() => ''), r.load],
  );
  const ratioRow = [
    'accord / best peer',
    ...keys.map((k) => {
      const c = run.comparison[k];
      return c ? (c.ratio !== undefined ? `${c.ratio}x (best: ${c.bestPeer})` : '-') : '';
    }),
    '',
  ];
  const relayRow = [
    'accord / relay',
    ...keys.map((k) => {
      const c = run.comparison[k];
      return c
        ? c.accord !== undefined && c.relay
          ? `${Math.round((c.accord / c.relay) * 100) / 100}x`
          : '-'
        : '';
    }),
    '',
  ];
  const lines = [header, header.map(() => '---'), ...rows];
  const hasPeers = run.runs.some((r) => PEERS.includes(r.server));
  if (hasPeers && run.runs.some((r) => r.server === 'accord')) lines.push(ratioRow);
  if (run.runs.some((r) => r.server === 'relay') && run.runs.some((r) => r.server === 'accord'))
    lines.push(relayRow);
  return lines.map((l) => `| ${l.join(' | ')} |`).join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = new Date();
  let commit = 'uncommitted';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    // no commit yet
  }
  const environment = {
    date: started.toISOString(),
    commit,
    node: process.version,
    cpus: `${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadavg: os
      .loadavg()
      .map((l) => Math.round(l * 100) / 100)
      .join(' '),
    quick: args.quick,
    repeat: args.repeat,
    trace: path.relative(repoRoot, tracePath),
    versions: {
      '@y/websocket-server': versionOf('@y/websocket-server'),
      '@hocuspocus/server': versionOf('@hocuspocus/server'),
      yjs: versionOf('yjs'),
      ws: versionOf('ws'),
      'y-protocols': versionOf('y-protocols'),
    },
    accordEnvOverrides: ACCORD_BENCH_ENV,
    accordNodeArgs: await accordNodeArgs(),
    note: 'servers run in their own child processes on 127.0.0.1; all clients run in this process; loopback only',
  };
  console.log('Accord benchmark');
  console.log(JSON.stringify(environment, null, 2));
  if (args.servers.includes('accord')) {
    console.log(
      `accord: raising limits for the benchmark via env: ${Object.entries(ACCORD_BENCH_ENV)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
    if (!fs.existsSync(accordMain))
      console.log(
        `accord: ${path.relative(repoRoot, accordMain)} missing (build with \`npx tsc -b shared server\`): Accord rows will fail`,
      );
  }

  const results: ScenarioRun[] = [];
  for (const id of args.scenarios) {
    const s = SCENARIOS.find((x) => x.id === id)!;
    const params = s.params(args.quick);
    console.log(`\n== ${s.id}: ${s.title}`);
    console.log(`   parameters: ${JSON.stringify(params)}`);
    console.log(`   target: ${s.target}`);
    const names = args.servers.filter((name) => !s.only || s.only.includes(name));
    const attempts = new Map<ServerName, ServerRun[]>(names.map((name) => [name, []]));
    // repeated runs take turns (relay, peers, accord, relay, …) so that a noisy minute on the
    // machine falls on every server rather than on one
    for (let rep = 1; rep <= args.repeat; rep++) {
      if (args.repeat > 1) console.log(`   -- run ${rep} of ${args.repeat}`);
      for (const name of names) attempts.get(name)!.push(await runOnce(s, name, args.quick));
    }
    const runs = names.map((name) =>
      combineRuns(
        name,
        attempts.get(name)!,
        s.metrics.map((m) => m.key),
      ),
    );
    const run: ScenarioRun = {
      id: s.id,
      title: s.title,
      target: s.target,
      params,
      metrics: s.metrics,
      runs,
      comparison: compare(s, runs),
    };
    results.push(run);
    for (const m of s.metrics) {
      const c = run.comparison[m.key]!;
      if (c.accord !== undefined || c.bestPeerValue !== undefined) {
        const vsRelay =
          c.accord !== undefined && c.relay ? `${Math.round((c.accord / c.relay) * 100) / 100}x` : '-';
        console.log(
          `   ${m.label}: relay ${fmt(c.relay)} | best peer ${c.bestPeer ?? '-'} ${fmt(c.bestPeerValue)} | accord ${fmt(c.accord)} | accord/best peer ${c.ratio !== undefined ? `${c.ratio}x` : '-'} | accord/relay ${vsRelay}`,
        );
      }
    }
  }

  const seconds = Math.round((Date.now() - started.getTime()) / 100) / 10;
  const day = started.toISOString().slice(0, 10);
  const partial = args.scenarios.length < SCENARIOS.length || args.servers.length < SERVER_NAMES.length;
  const name =
    args.out ?? `${day}${args.quick ? '-quick' : ''}${partial ? `-${args.scenarios.join('-')}` : ''}`;
  const dir = path.join(benchDir, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const json = {
    environment,
    seconds,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    scenarios: results,
  };
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  const md = [
    `# Benchmark results ${environment.date}`,
    '',
    `Command: \`${json.command}\` (${seconds} s). Node ${environment.node}, ${environment.cpus}, load average at start ${environment.loadavg}. Commit ${commit}.`,
    `Versions: ${Object.entries(environment.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}. Accord limits raised via env: ${Object.entries(ACCORD_BENCH_ENV)
      .map(([k, v]) => `${k}=${v}`)
      .join(
        ', ',
      )}. Accord's node flags (as \`npm start\` runs it): ${environment.accordNodeArgs.join(' ') || 'none'}.`,
    'Servers in their own child processes on 127.0.0.1; all clients in the benchmark process; loopback only. Bold columns are the scenario\'s figures; "accord / best peer" compares with the better of y-websocket-server and hocuspocus (the relay is the floor). "load avg" is the machine\'s 1-minute load average when that server\'s run started -> ended (2 cores: above 2 means other work competed). See bench/README.md.',
    '',
    ...results.flatMap((r) => [
      `## ${r.id}: ${r.title}`,
      '',
      `Parameters: ${Object.entries(r.params)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}. Target: ${r.target}.`,
      '',
      table(r),
      '',
    ]),
  ].join('\n');
  fs.writeFileSync(path.join(dir, `${name}.md`), md);
  console.log(`\nwrote ${path.relative(repoRoot, path.join(dir, `${name}.json`))} and .md (${seconds} s)`);
}

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`\n${signal}: stopping servers`);
  void cleanupAll().finally(() => process.exit(130));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

main()
  .then(() => cleanupAll())
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    console.error(err);
    await cleanupAll();
    process.exit(1);
  });
