import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEditorDoc } from '@accord/shared';
import { TestClient, TestServer, at, clause, move, outline, paragraph } from './moveTestDocs.js';

function setUp(): { server: TestServer; a: TestClient; b: TestClient } {
  const server = new TestServer();
  const seed = new TestClient(server);
  seed.doc
    .getXmlFragment('default')
    .insert(0, [
      clause('article', 'art1', ['one one']),
      clause('article', 'art2', ['two two']),
      clause('article', 'art3', ['three three']),
    ]);
  seed.send();
  return { server, a: new TestClient(server), b: new TestClient(server) };
}

/** A server holding chapter ch1 (articles a1 "alpha", a2 "beta") and ch2 (a3 "gamma"). */
function twoChapters(): TestServer {
  const server = new TestServer();
  const seed = new TestClient(server);
  seed.doc
    .getXmlFragment('default')
    .insert(0, [
      clause('chapter', 'ch1', [], [clause('article', 'a1', ['alpha']), clause('article', 'a2', ['beta'])]),
      clause('chapter', 'ch2', [], [clause('article', 'a3', ['gamma'])]),
    ]);
  seed.send();
  return server;
}

function converge(server: TestServer, ...clients: TestClient[]): void {
  for (const c of clients) c.send();
  for (const c of clients) c.pull();
  for (const c of clients) expect(outline(c.doc)).toBe(outline(server.doc));
}

describe('MoveRepair', () => {
  it('carries text typed by someone who had not seen the move (move, then stale typing)', () => {
    const { server, a, b } = setUp();
    move(a.doc, [0], [], 2); // art1 to the end
    a.send();
    paragraph(at(b.doc, [0])).insert(3, ' more');
    b.send();
    converge(server, a, b);
    expect(outline(server.doc)).toBe(
      [
        'article art2',
        '  "two two"',
        'article art3',
        '  "three three"',
        'article art1',
        '  "one more one"',
      ].join('\n'),
    );
  });

  it('carries text the mover had not seen (typing reaches the server first)', () => {
    const { server, a, b } = setUp();
    move(a.doc, [1], [], 0);
    paragraph(at(b.doc, [1])).insert(7, ' too');
    b.send();
    a.send();
    converge(server, a, b);
    expect(outline(server.doc)).toContain('article art2\n  "two two too"');
    expect(outline(server.doc).match(/art2/g)).toHaveLength(1);
  });

  it('keeps carrying a stale client’s typing and deletions over many updates', () => {
    const { server, a, b } = setUp();
    move(a.doc, [2], [], 0);
    a.send();
    const text = paragraph(at(b.doc, [2]));
    for (const [i, ch] of [...'ABCDE'].entries()) {
      text.insert(5 + i, ch);
      b.send();
    }
    text.delete(0, 5); // the first "three", none of what it typed
    b.send();
    text.insert(text.length, '!');
    b.send();
    converge(server, a, b);
    expect(outline(server.doc)).toContain('article art3\n  "ABCDE three!"');
  });

  it('two concurrent moves of one clause leave one clause with what was typed into either copy', () => {
    const { server, a, b } = setUp();
    const c = new TestClient(server);
    move(a.doc, [0], [], 2);
    move(b.doc, [0], [], 1);
    a.send();
    b.send();
    paragraph(at(b.doc, [1])).insert(0, 'B: '); // b's own copy, before seeing a's
    paragraph(at(c.doc, [0])).insert(0, 'C: '); // the original, not having seen either move
    b.send();
    c.send();
    converge(server, a, b, c);
    const text = outline(server.doc);
    expect(text.match(/art1/g)).toHaveLength(1);
    expect(text).toContain('"C: B: one one"');
  });

  it('a concurrent move sent together with typing and deleting (an editor back from offline) keeps both', () => {
    const { server, a, b } = setUp();
    move(a.doc, [0], [], 2);
    a.send();
    paragraph(at(b.doc, [0])).delete(0, 4); // "one " goes before the move
    move(b.doc, [0], [], 1);
    paragraph(at(b.doc, [1])).insert(3, ' offline'); // typed into b's copy after moving it
    b.send(); // one update: deletion, move, typing
    converge(server, a, b);
    const text = outline(server.doc);
    expect(text.match(/art1/g)).toHaveLength(1);
    expect(text).toContain('"one offline"');
  });

  it('an editor back online with a move keeps a deletion made meanwhile, and its own typing', () => {
    const { server, a, b } = setUp();
    paragraph(at(a.doc, [1])).delete(3, 4); // "two two" -> "two"
    a.send();
    // b, offline, saw "two two": it types after it and moves art2 to the end
    paragraph(at(b.doc, [1])).insert(7, ' six');
    move(b.doc, [1], [], 2);
    b.reconnect(); // sync step 2: every deletion b knows, " two" among them
    converge(server, a, b);
    expect(outline(server.doc)).toContain('article art2\n  "two six"');
    expect(outline(server.doc).match(/art2/g)).toHaveLength(1);
  });

  it('an editor back online with a move does not delete its copy of a word it had deleted itself', () => {
    const { server, a, b } = setUp();
    paragraph(at(b.doc, [1])).delete(3, 4); // b deletes " two", online
    b.send();
    a.pull();
    move(b.doc, [1], [], 0); // then moves art2, offline
    paragraph(at(b.doc, [0])).insert(3, ' two'); // and types " two" again in its copy
    b.reconnect();
    converge(server, a, b);
    expect(outline(server.doc)).toContain('article art2\n  "two two"');
  });

  it('a move and a concurrent deletion of the clause: the move wins', () => {
    const { server, a, b } = setUp();
    move(a.doc, [0], [], 2);
    b.doc.getXmlFragment('default').delete(0, 1);
    a.send();
    b.send();
    converge(server, a, b);
    expect(outline(server.doc)).toContain('article art1\n  "one one"');
    expect(outline(server.doc).match(/art1/g)).toHaveLength(1);
  });

  it('two people move one article into chapters the other moved: one article, where the first put it', () => {
    const server = new TestServer();
    const seed = new TestClient(server);
    seed.doc
      .getXmlFragment('default')
      .insert(0, [
        clause('chapter', 'ch0', [], [clause('article', 'a', ['alpha'])]),
        clause('chapter', 'ch1', [], []),
        clause('chapter', 'ch2', [], []),
      ]);
    seed.send();
    const [x, y] = [new TestClient(server), new TestClient(server)];
    move(x.doc, [0, 0], [1], 0); // x: the article into ch1
    move(x.doc, [2], [], 0); // x: ch2 to the top
    paragraph(at(y.doc, [0, 0])).insert(5, ' beta'); // y, not having seen x: types into it,
    move(y.doc, [0, 0], [2], 0); // moves it into ch2,
    move(y.doc, [1], [], 0); // and moves ch1 to the top
    x.send();
    y.send();
    converge(server, x, y);
    // (ch1 and ch2 both went to the top: their order follows the clients' ids)
    expect(outline(server.doc)).toContain('chapter ch1\n  article a\n    "alpha beta"');
    expect(outline(server.doc).match(/article a/g)).toHaveLength(1);
  });

  it("an editor offline types into a chapter someone moved and learns of the move before sending: Accord's editor keeps the words", () => {
    const server = twoChapters();
    const a = new TestClient(server);
    const b = new TestClient(server, createEditorDoc());
    paragraph(at(b.doc, [0, 1])).insert(4, ' too');
    paragraph(at(b.doc, [0, 0])).insert(5, ' wordx');
    paragraph(at(b.doc, [0, 0])).delete(5, 6); // typed and taken back offline
    move(a.doc, [0], [], 1);
    a.send();
    b.pull(); // the move first (Yjs deletes all in the old chapter there, b's typing too)
    b.reconnect();
    converge(server, a, b);
    expect(outline(server.doc)).toBe(
      [
        'chapter ch2',
        '  article a3',
        '    "gamma"',
        'chapter ch1',
        '  article a1',
        '    "alpha"',
        '  article a2',
        '    "beta too"',
      ].join('\n'),
    );
  });

  it('moving a chapter carries text typed into its articles', () => {
    const server = twoChapters();
    const a = new TestClient(server);
    const b = new TestClient(server);
    move(a.doc, [0], [], 1);
    paragraph(at(b.doc, [0, 1])).insert(4, '!');
    a.send();
    b.send();
    paragraph(at(b.doc, [0, 0])).insert(0, '>');
    b.send();
    converge(server, a, b);
    expect(outline(server.doc)).toBe(
      [
        'chapter ch2',
        '  article a3',
        '    "gamma"',
        'chapter ch1',
        '  article a1',
        '    ">alpha"',
        '  article a2',
        '    "beta!"',
      ].join('\n'),
    );
  });

  it('moving an article across chapters carries a new paragraph typed into it', () => {
    const server = new TestServer();
    const seed = new TestClient(server);
    seed.doc
      .getXmlFragment('default')
      .insert(0, [
        clause('chapter', 'ch1', [], [clause('article', 'a1', ['alpha'])]),
        clause('chapter', 'ch2', [], [clause('article', 'a3', ['gamma'])]),
      ]);
    seed.send();
    const a = new TestClient(server);
    const b = new TestClient(server);
    move(a.doc, [0, 0], [1], 1);
    a.send();
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    t.insert(0, 'new paragraph');
    p.insert(0, [t]);
    at(b.doc, [0, 0]).insert(1, [p]);
    b.send();
    converge(server, a, b);
    expect(outline(server.doc)).toBe(
      [
        'chapter ch1',
        'chapter ch2',
        '  article a3',
        '    "gamma"',
        '  article a1',
        '    "alpha"',
        '    "new paragraph"',
      ].join('\n'),
    );
  });

  it('survives a reload: the ghost is kept in the stored state and found again', () => {
    const { server, a, b } = setUp();
    move(a.doc, [0], [], 2);
    a.send();
    const reloaded = new TestServer();
    reloaded.receive(Y.encodeStateAsUpdate(server.doc));
    paragraph(at(b.doc, [0])).insert(0, 'late ');
    reloaded.receive(Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(server.doc)));
    expect(outline(reloaded.doc)).toContain('article art1\n  "late one one"');
  });
});
