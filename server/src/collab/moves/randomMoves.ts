import * as Y from 'yjs';
import { TestClient, TestServer, copyOf, resetClientIds } from './moveTestDocs.js';
import { SeededRandom } from './SeededRandom.js';

// A randomized run of moves, typing and deletions on the in-process test server (see
// moveTestDocs): quick enough to try thousands of seeds; the integration test runs the same kind
// of run against the real server.

function clauses(doc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const visit = (t: Y.XmlElement | Y.XmlFragment) => {
    for (const c of t.toArray()) {
      if (!(c instanceof Y.XmlElement)) continue;
      if (c.getAttribute('clauseId')) found.push(c);
      visit(c);
    }
  };
  visit(doc.getXmlFragment('default'));
  return found;
}

const byId = (doc: Y.Doc, id: string) => clauses(doc).find((c) => c.getAttribute('clauseId') === id)!;
const textOf = (e: Y.XmlElement) => (e.get(0) as Y.XmlElement).get(0) as Y.XmlText;

function build(id: string, nodeName: string, text: string, children: Y.XmlElement[] = []): Y.XmlElement {
  const e = new Y.XmlElement(nodeName);
  e.setAttribute('clauseId', id);
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  e.insert(0, [p, ...children]);
  return e;
}

export interface RandomRunResult {
  log: string[];
  problems: string[];
  /** deleted words that came back (see the check) */
  resurrected: number;
  /** which they were, with the round they came back in */
  resurrectedWords: string[];
  typed: number;
  deleted: number;
}

export function randomRun(
  seed: number,
  rounds: number,
  clientCount = 4,
  /** for debugging a failing seed: called after every update the server takes */
  watch?: (log: string[], server: TestServer, before: string) => void,
): RandomRunResult {
  const random = new SeededRandom(seed);
  resetClientIds();
  const server = new TestServer();
  const seedClient = new TestClient(server);
  const chapters = ['c0', 'c1', 'c2'];
  const articles = chapters.flatMap((c) => [`${c}a0`, `${c}a1`, `${c}a2`]);
  seedClient.doc.getXmlFragment('default').insert(
    0,
    chapters.map((c) =>
      build(
        c,
        'chapter',
        c,
        [0, 1, 2].map((n) => build(`${c}a${n}`, 'article', 'seed')),
      ),
    ),
  );
  seedClient.send();
  const clients = Array.from({ length: clientCount }, () => new TestClient(server));
  server.onReceive = (before: string) => {
    watch?.(log, server, before);
    // what the server's clause id repair would rename (a copy the move repair missed)
    const ids = clauses(server.doc).map((c) => c.getAttribute('clauseId'));
    if (new Set(ids).size !== ids.length) problems.push(`after "${log[log.length - 1]}": a clause id twice`);
    for (const c of clauses(server.doc)) {
      if (!(c.get(0) instanceof Y.XmlElement) || (c.get(0) as Y.XmlElement).nodeName !== 'paragraph') {
        problems.push(`after "${log[log.length - 1]}": ${c.getAttribute('clauseId')} lost its text`);
      }
    }
  };
  const typed = new Set<string>();
  const deleted = new Set<string>();
  const log: string[] = [];
  const problems: string[] = [];
  const resurrected = new Set<string>();
  const resurrectedWords: string[] = [];
  let serial = 0;
  for (let round = 0; round < rounds && problems.length === 0; round++) {
    const stale = clients.map(() => random.next() < 0.5);
    // offline: neither sends nor receives until the end of the round, then reconnects
    const offline = clients.map(() => random.next() < 0.2);
    const steps = 2 + random.int(4);
    for (let step = 0; step < steps; step++) {
      clients.forEach((client, i) => {
        if (random.next() < 0.3 || problems.length > 0) return;
        try {
          operate(client, i);
        } catch (error) {
          const bad = clauses(client.doc)
            .filter((c) => !(c.get(0) instanceof Y.XmlElement))
            .map((c) => `${c.getAttribute('clauseId')}(${c.length} children)`);
          problems.push(
            `round ${round}: client ${i}: ${(error as Error).message}; empty here: ${bad.join(', ')}`,
          );
        }
      });
      function operate(client: TestClient, i: number): void {
        const doc = client.doc;
        const roll = random.next();
        if (roll < 0.2) {
          const moveChapter = random.next() < 0.2;
          const id = moveChapter ? random.pick(chapters) : random.pick(articles);
          const parentId = moveChapter ? null : random.pick(chapters);
          const at = random.int(4);
          log.push(`r${round} c${i} move ${id} -> ${parentId ?? 'top'}@${at}`);
          if (!byId(doc, id) || (parentId !== null && !byId(doc, parentId))) return;
          doc.transact(() => {
            const element = byId(doc, id);
            const copy = copyOf(element);
            const from = element.parent as Y.XmlElement | Y.XmlFragment;
            from.delete(from.toArray().indexOf(element), 1);
            const to = parentId === null ? doc.getXmlFragment('default') : byId(doc, parentId);
            to.insert(Math.min(parentId === null ? at : 1 + at, to.length), [copy]);
          });
        } else if (roll < 0.8) {
          const target = random.pick(random.next() < 0.25 ? chapters : articles);
          // (a clause this client moved into a chapter someone else moved meanwhile is out of
          // its sight until the server has placed it)
          if (!byId(doc, target)) return;
          const text = textOf(byId(doc, target));
          const word = `w${i}x${serial++}`;
          const content = text.toString();
          const gaps = [content.length, ...[...content].flatMap((ch, k) => (ch === ' ' ? [k] : []))];
          const at = random.pick(gaps);
          log.push(`r${round} c${i} type ${word} at ${at} in ${target} "${content}"`);
          text.insert(at, ` ${word}`);
          typed.add(word);
        } else {
          const target = random.pick(articles);
          if (!byId(doc, target)) return;
          const text = textOf(byId(doc, target));
          const words = [...text.toString().matchAll(/ (w\d+x\d+)/g)];
          if (words.length > 0) {
            const match = random.pick(words);
            log.push(`r${round} c${i} delete ${match[1]} from ${target} "${text.toString()}"`);
            text.delete(match.index!, match[0].length);
            deleted.add(match[1]!);
          }
        }
      }
      // clients that are not stale exchange as they go; stale ones only send
      clients.forEach((client, i) => {
        if (offline[i]) return;
        if (random.next() < 0.5) {
          log.push(`c${i} send`);
          client.send();
        }
        if (!stale[i]) {
          log.push(`c${i} pull`);
          client.pull();
        }
      });
    }
    log.push('offline ones reconnect, all send, all pull');
    clients.forEach((client, i) => {
      if (offline[i]) client.reconnect();
    });
    for (const client of clients) client.send();
    for (const client of clients) client.pull();
    const expected = JSON.stringify(server.doc.getXmlFragment('default').toJSON());
    clients.forEach((c, i) => {
      if (JSON.stringify(c.doc.getXmlFragment('default').toJSON()) !== expected)
        problems.push(`round ${round}: client ${i} differs`);
    });
    const ids = clauses(server.doc).map((c) => c.getAttribute('clauseId'));
    if (new Set(ids).size !== ids.length) problems.push(`round ${round}: a clause id twice`);
    const words = new Map<string, number>();
    for (const c of clauses(server.doc)) {
      if (!(c.get(0) instanceof Y.XmlElement)) {
        problems.push(`round ${round}: ${c.getAttribute('clauseId')} lost its text`);
        continue;
      }
      for (const w of textOf(c).toString().split(' ')) if (w) words.set(w, (words.get(w) ?? 0) + 1);
    }
    for (const w of typed) {
      const found = words.get(w) ?? 0;
      if (deleted.has(w)) {
        // a deletion made while an offline editor moved the clause twice can be undone (the
        // word comes back, once): counted, not a failure; a word twice is one
        if (found === 1 && !resurrected.has(w)) {
          resurrected.add(w);
          resurrectedWords.push(`${w} (round ${round})`);
        } else if (found > 1) problems.push(`round ${round}: deleted ${w} appears ${found} times`);
      } else if (found !== 1) problems.push(`round ${round}: ${w} appears ${found} times, not 1`);
    }
  }
  return {
    log,
    problems,
    resurrected: resurrected.size,
    resurrectedWords,
    typed: typed.size,
    deleted: deleted.size,
  };
}
