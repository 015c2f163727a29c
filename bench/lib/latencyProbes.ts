import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { summarise } from '../src/stats.js';
import type { BenchAccord } from './startAccordForBench.js';
import { openProvider, until } from './benchProvider.js';

/**
 * What the security benchmarks (bench/security/*) measure for the other users while an attack
 * runs: GET /api/health and S1-style typing (one character typed by a y-websocket client, until
 * another client of the same document has it), each in a loop of its own.
 */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds `run` takes. */
export async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** GET `url`, read to the end; anything but 200 throws. */
export async function getOk(url: string): Promise<void> {
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
}

/** The last text of the document (a paragraph of the template), to type into. */
function lastText(doc: Y.Doc): Y.XmlText {
  let found: Y.XmlText | null = null;
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) found = child;
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment('default'));
  if (!found) throw new Error('the document has no text to type into');
  return found;
}

export interface Typist {
  /** types one character; resolves with the ms until the other client has it (30 s at most) */
  type(): Promise<number>;
  close(): void;
}

/** Two stock y-websocket clients of one document: one types, the other watches. */
export async function openTypist(server: BenchAccord, documentId: string): Promise<Typist> {
  const writer = openProvider(server.wsUrl, server.cookie, documentId);
  const reader = openProvider(server.wsUrl, server.cookie, documentId);
  const providers: WebsocketProvider[] = [writer, reader];
  await until(() => providers.every((p) => p.synced), 'both clients to sync');
  const text = lastText(writer.doc);
  return {
    async type() {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const seen = new Promise<void>((resolve) => reader.doc.once('update', () => resolve()));
      // a socket the server closed would never answer: count it as a 30 s wait, not a hang
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 30_000)));
      text.insert(text.length, 'x');
      await Promise.race([seen, timeout]);
      clearTimeout(timer);
      return performance.now() - started;
    },
    close() {
      for (const p of providers) p.destroy();
    },
  };
}

/** Runs `measure` every `everyMs` until `end` (performance.now()), collecting its samples. */
export async function probe(
  samples: number[],
  measure: () => Promise<number>,
  end: number,
  everyMs: number,
): Promise<void> {
  while (performance.now() < end) {
    const started = performance.now();
    samples.push(await measure());
    await sleep(Math.max(0, everyMs - (performance.now() - started)));
  }
}

/** "n: p50 / p99 / max" of samples in ms. */
export function latency(samples: number[]): string {
  const s = summarise(samples, [50, 99], 1);
  return `${s.n}: ${s.p50} / ${s.p99} / ${s.max}`;
}

/** Prints rows (the first is the header) as aligned columns. */
export function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]! + 2)).join(''));
}
