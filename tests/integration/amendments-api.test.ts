import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { waitFor } from '../helpers/collab.js';
import {
  clauseId,
  createCommentsFixture,
  openEventSocket,
  openSynced,
  paragraphId,
  paragraphText,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';
import {
  decide,
  listAmendments,
  paragraphsProposal,
  tableReplacement,
} from '../helpers/amendmentsFixture.js';

/**
 * Amendments through the REST API against a real server and database, with the clause text
 * changed by stock y-websocket clients: permissions per role, bad input (400, nothing written),
 * rebasing on later edits, competing amendments, co-sponsors, revisions, concurrent decisions.
 */
let server: TestServer;
let fx: CommentsFixture;
let writer: WebsocketProvider;
const A1 = clauseId();
const A2 = clauseId();
const A3 = clauseId();
const P1 = paragraphId(A1, 0);
const P2 = paragraphId(A2, 0);
const P3 = paragraphId(A3, 0);
const TEXT = 'States shall guarantee free legal aid to persons in need.';

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
  writer = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
    { id: A1, heading: 'Legal aid', paragraphs: [TEXT] },
    { id: A2, heading: 'Courts', paragraphs: [TEXT] },
    { id: A3, heading: 'Paralegals', paragraphs: [TEXT, 'Second paragraph.'] },
  ]);
});

afterAll(() => {
  writer?.destroy();
  if (process.env.AMEND_LOGS)
    console.log(
      server
        .logs()
        .split('\n')
        .filter((l) => l.includes('"level":50'))
        .join('\n'),
    );
});

const url = (path = '') => `/api/documents/${fx.documentId}/amendments${path}`;

/** Waits until the server's copy of the clause has `text` (the writer's edit has arrived). */
async function serverClauseText(clause: string, text: string): Promise<void> {
  await waitFor(async () => {
    const res = await tableProbe(clause);
    return res === text;
  }, `the server to have "${text}"`);
}

/** The server's current text of a clause, read by listing a probe amendment's view. */
async function tableProbe(clause: string): Promise<string | null> {
  const list = await listAmendments(fx.coordinator, fx.documentId, `?clauseId=${clause}`);
  return list.amendments[0]?.currentText ?? null;
}

describe('tabling amendments', () => {
  it('lets reviewers, drafters and coordinators table; observers get 403, non-members 404', async () => {
    for (const user of [fx.reviewer, fx.drafter, fx.coordinator]) {
      const res = await tableReplacement(user, fx.documentId, P2, TEXT.replace('free', 'free and prompt'));
      expect(res.status).toBe(201);
      expect(res.body.amendment).toMatchObject({
        clauseId: P2,
        kind: 'replace',
        state: 'pending',
        author: { id: user.id },
        currentText: TEXT,
      });
    }
    const observer = await tableReplacement(fx.observer, fx.documentId, P2, 'Other text.');
    expect(observer.status).toBe(403);
    const outsider = await newUser(new ApiClient(server.url), { name: 'Outsider' });
    expect((await tableReplacement(outsider, fx.documentId, P2, 'Other text.')).status).toBe(404);
    expect((await outsider.api.request('GET', url())).status).toBe(404);
    expect((await fx.observer.api.request('GET', url())).status).toBe(200);
    // anonymous
    expect((await new ApiClient(server.url).request('GET', url())).status).toBe(401);
  });

  it("tables on behalf of the author's organisation and shows a word diff against the current text", async () => {
    const res = await tableReplacement(
      fx.reviewer,
      fx.documentId,
      P1,
      TEXT.replace('free', 'free and prompt'),
    );
    expect(res.body.amendment.author.organisation).toMatchObject({
      name: 'Paralegal Network',
      country: 'KE',
    });
    expect(res.body.amendment.diff).toEqual([
      { value: 'States shall guarantee free ' },
      { value: 'and prompt ', added: true },
      { value: 'legal aid to persons in need.' },
    ]);
    expect(res.body.amendment.can).toEqual({ cosponsor: false, revise: true, withdraw: true, decide: false });
    const list = await listAmendments(fx.coordinator, fx.documentId, `?clauseId=${P1}`);
    expect(list.amendments[0].can.decide).toBe(true);
    expect(list.clauseCounts[P1]).toBe(1);
  });

  it('refuses bad input with 400 and a stable code, and writes nothing', async () => {
    const before = (await listAmendments(fx.coordinator, fx.documentId)).amendments.length;
    const post = (body: unknown) => fx.reviewer.api.request('POST', url(), body);
    const replace = (proposal: unknown, extra: Record<string, unknown> = {}) =>
      post({ kind: 'replace', clauseId: P1, proposal, justification: 'Because.', ...extra });
    const cases: [unknown, string][] = [
      [
        { kind: 'replace', clauseId: clauseId(), proposal: paragraphsProposal('x'), justification: 'j' },
        'unknown_clause',
      ],
      [
        { kind: 'replace', clauseId: { $gt: '' }, proposal: paragraphsProposal('x'), justification: 'j' },
        'validation_failed',
      ],
      [
        { kind: 'replace', clauseId: P1, proposal: paragraphsProposal('x'), justification: '  ' },
        'validation_failed',
      ],
      [
        {
          kind: 'replace',
          clauseId: P1,
          proposal: paragraphsProposal('x'),
          justification: 'j'.repeat(10_001),
        },
        'validation_failed',
      ],
      [{ kind: 'move', clauseId: P1, justification: 'j' }, 'validation_failed'],
      [{ kind: 'delete', clauseId: P1, justification: 'j', extra: 1 }, 'validation_failed'],
    ];
    for (const [body, code] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    const proposals: [unknown, string][] = [
      [paragraphsProposal('x'.repeat(20_001)), 'validation_failed'],
      [{ heading: null, paragraphs: [[{ text: 'x', marks: [{ type: 'strike' }] }]] }, 'validation_failed'],
      [{ heading: null, paragraphs: [[{ type: 'image', text: 'x' }]] }, 'validation_failed'],
      [
        {
          heading: null,
          paragraphs: [[{ text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }]],
        },
        'validation_failed',
      ],
      [{ heading: null, paragraphs: [[{ text: 'a\u0000b' }]] }, 'validation_failed'],
      [
        { heading: null, paragraphs: [[{ text: 'x', marks: [{ type: 'bold' }, { type: 'bold' }] }]] },
        'validation_failed',
      ],
      [{ heading: null, paragraphs: [[{ text: '' }]] }, 'validation_failed'],
      // a numbered paragraph has no heading, and needs its paragraph
      [{ heading: [{ text: 'Heading' }], paragraphs: [[{ text: 'x' }]] }, 'invalid_proposal'],
      [{ heading: null, paragraphs: [] }, 'invalid_proposal'],
      [
        {
          ...paragraphsProposal('x'),
          fields: {
            leadOrganisations: [],
            partners: [],
            startDate: null,
            endDate: null,
            indicator: '',
            status: 'done',
          },
        },
        'invalid_proposal',
      ],
    ];
    for (const [proposal, code] of proposals) {
      const res = await replace(proposal);
      expect(res.status, JSON.stringify(proposal).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    // an insertion must be a clause of the same kind as its neighbour; a deletion must leave a valid parent
    const insert = await post({
      kind: 'insert',
      clauseId: A1,
      position: 'after',
      clauseType: 'point',
      proposal: paragraphsProposal('x'),
      justification: 'j',
    });
    expect(insert.body.error.code).toBe('invalid_proposal');
    const lastParagraph = await post({ kind: 'delete', clauseId: P1, justification: 'j' });
    expect(lastParagraph.status).toBe(400);
    expect(lastParagraph.body.error.code).toBe('invalid_proposal');
    expect((await listAmendments(fx.coordinator, fx.documentId)).amendments.length).toBe(before);
  });
});

describe('rebasing, competing amendments and decisions', () => {
  it('rebases on a later disjoint edit, and marks an overlapping one as a conflict', async () => {
    const P = paragraphId(A3, 0);
    const tabled = await tableReplacement(
      fx.reviewer,
      fx.documentId,
      P,
      TEXT.replace('in need', 'who need it'),
    );
    const id = tabled.body.amendment.id;
    // someone edits the start of the clause: the amendment is rebased onto it
    const text = paragraphText(writer.doc, A3, 0);
    writer.doc.transact(() => text.insert(0, 'All '));
    await serverClauseText(P, 'All ' + TEXT);
    let amendment = (await fx.coordinator.api.request('GET', url(`/${id}`))).body.amendment;
    expect(amendment.state).toBe('rebased');
    // the diff runs from the current text to the proposal on top of it: "All " is not a change
    const after = (parts: any[]) =>
      parts
        .filter((p) => !p.removed)
        .map((p) => p.value)
        .join('');
    const before = (parts: any[]) =>
      parts
        .filter((p) => !p.added)
        .map((p) => p.value)
        .join('');
    expect(before(amendment.diff)).toBe('All ' + TEXT);
    expect(after(amendment.diff)).toBe('All ' + TEXT.replace('in need', 'who need it'));
    expect(amendment.diff[0]).toEqual({ value: 'All States shall guarantee free legal aid to persons ' });
    // and then edits the same words: conflict; it cannot be accepted until revised
    writer.doc.transact(() => text.delete(('All ' + TEXT).indexOf('in need'), 'in '.length));
    await serverClauseText(P, 'All States shall guarantee free legal aid to persons need.');
    amendment = (await fx.coordinator.api.request('GET', url(`/${id}`))).body.amendment;
    expect(amendment.state).toBe('conflict');
    expect(amendment.conflicts.length).toBeGreaterThan(0);
    const refused = await decide(fx.coordinator, fx.documentId, id, { decision: 'accept' });
    expect(refused.status).toBe(409);
    // the author revises against the current text
    const revised = await fx.reviewer.api.request('POST', url(`/${id}/revise`), {
      proposal: paragraphsProposal('All States shall guarantee free legal aid to persons who need it.'),
    });
    expect(revised.status).toBe(200);
    expect(revised.body.amendment).toMatchObject({ state: 'pending', revision: 2 });
    // others cannot revise or withdraw it
    expect((await fx.reviewer2.api.request('POST', url(`/${id}/withdraw`), {})).status).toBe(403);
    // a member of another organisation co-sponsors it, once
    const cos = await fx.reviewer2.api.request('POST', url(`/${id}/cosponsor`), {});
    expect(cos.status).toBe(200);
    expect(cos.body.amendment.cosponsors).toMatchObject([
      { id: fx.reviewer2.id, organisation: { country: 'NG' } },
    ]);
    expect((await fx.reviewer2.api.request('POST', url(`/${id}/cosponsor`), {})).status).toBe(409);
    expect((await fx.reviewer.api.request('POST', url(`/${id}/cosponsor`), {})).status).toBe(403);
    expect((await fx.observer.api.request('POST', url(`/${id}/cosponsor`), {})).status).toBe(403);
    // filters: the co-sponsor's country finds it
    const byCountry = await listAmendments(fx.coordinator, fx.documentId, '?country=NG');
    expect(byCountry.amendments.map((a) => a.id)).toEqual([id]);
    // withdrawn by its author: closed
    expect((await fx.reviewer.api.request('POST', url(`/${id}/withdraw`), {})).body.amendment.state).toBe(
      'withdrawn',
    );
    expect((await decide(fx.coordinator, fx.documentId, id, { decision: 'accept' })).body.error.code).toBe(
      'amendment_closed',
    );
  });

  it('marks competing amendments, and accepting one re-rebases the other at once', async () => {
    const one = await tableReplacement(fx.reviewer, fx.documentId, P1, TEXT.replace('guarantee', 'ensure'));
    const two = await tableReplacement(
      fx.reviewer2,
      fx.documentId,
      P1,
      TEXT.replace('guarantee free', 'provide'),
    );
    const three = await tableReplacement(
      fx.drafter,
      fx.documentId,
      P1,
      TEXT.replace('persons', 'all persons'),
    );
    const list = await listAmendments(fx.coordinator, fx.documentId, `?clauseId=${P1}`);
    const byId = new Map(list.amendments.map((a) => [a.id, a]));
    expect(byId.get(one.body.amendment.id).competingWith).toContain(two.body.amendment.id);
    expect(byId.get(three.body.amendment.id).competingWith).not.toContain(one.body.amendment.id);
    // only coordinators decide
    expect(
      (await decide(fx.drafter, fx.documentId, one.body.amendment.id, { decision: 'accept' })).status,
    ).toBe(403);
    expect(
      (await decide(fx.coordinator, fx.documentId, one.body.amendment.id, { decision: 'reject' })).status,
    ).toBe(400);
    const accepted = await decide(fx.coordinator, fx.documentId, one.body.amendment.id, {
      decision: 'accept',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.amendment.state).toBe('accepted');
    await waitFor(
      () => paragraphText(writer.doc, A1, 0).toString().includes('ensure'),
      'the writer to see the change',
    );
    const after = new Map(
      (await listAmendments(fx.coordinator, fx.documentId, `?clauseId=${P1}`)).amendments.map((a) => [
        a.id,
        a,
      ]),
    );
    expect(after.get(two.body.amendment.id).state).toBe('conflict');
    expect(after.get(three.body.amendment.id).state).toBe('rebased');
    expect(after.get(three.body.amendment.id).currentText).toBe(TEXT.replace('guarantee', 'ensure'));
  });

  it('answers concurrent decisions with one 200 and one 409', async () => {
    for (let round = 0; round < 3; round++) {
      const tabled = await tableReplacement(
        fx.reviewer,
        fx.documentId,
        P2,
        TEXT.replace('aid', `aid ${round}`),
      );
      const id = tabled.body.amendment.id;
      const answers = await Promise.all([
        decide(fx.coordinator, fx.documentId, id, { decision: 'reject', reason: 'Out of scope.' }),
        decide(fx.coordinator, fx.documentId, id, { decision: 'reject', reason: 'Duplicate.' }),
        decide(fx.coordinator, fx.documentId, id, { decision: 'accept' }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
      const events = (await fx.coordinator.api.request('GET', url(`/${id}`))).body.amendment;
      expect(['accepted', 'rejected']).toContain(events.state);
    }
  });

  it('inserts a new clause with a fresh id and deletes one, live in open editors', async () => {
    const inserted = await fx.reviewer.api.request('POST', url(), {
      kind: 'insert',
      clauseId: A2,
      position: 'after',
      clauseType: 'article',
      proposal: {
        heading: [{ text: 'Legal ' }, { text: 'clinics', marks: [{ type: 'italic' }] }],
        paragraphs: [[{ text: 'Universities may run clinics.' }]],
      },
      justification: 'New article.',
    });
    expect(inserted.status).toBe(201);
    expect(inserted.body.amendment.state).toBe('pending');
    expect(
      (await decide(fx.coordinator, fx.documentId, inserted.body.amendment.id, { decision: 'accept' }))
        .status,
    ).toBe(200);
    const fragment = writer.doc.getXmlFragment('default');
    const ids = () => fragment.toArray().map((n: any) => n.getAttribute?.('clauseId'));
    await waitFor(() => ids().indexOf(A2) >= 0 && ids()[ids().indexOf(A2) + 1] !== A3, 'the new article');
    const article = fragment.get(ids().indexOf(A2) + 1) as any;
    expect(article.nodeName).toBe('article');
    expect(article.getAttribute('clauseId')).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(article.toString()).toContain('<italic>clinics</italic>');
    const deletion = await fx.drafter.api.request('POST', url(), {
      kind: 'delete',
      clauseId: paragraphId(A3, 1),
      justification: 'Redundant.',
    });
    expect(deletion.status).toBe(201);
    expect(
      (
        await decide(fx.coordinator, fx.documentId, deletion.body.amendment.id, {
          decision: 'accept',
          note: 'Agreed.',
        })
      ).status,
    ).toBe(200);
    await waitFor(
      () => !writer.doc.getXmlFragment('default').toString().includes('Second paragraph.'),
      'the deletion',
    );
    const after = (await fx.coordinator.api.request('GET', url(`/${deletion.body.amendment.id}`))).body
      .amendment;
    expect(after.decision).toMatchObject({
      decision: 'accept',
      reason: 'Agreed.',
      by: { id: fx.coordinator.id },
    });
  });

  it("accepts with changes: the coordinator's wording is applied, and the decision says so", async () => {
    const P = paragraphId(A2, 0);
    const before = paragraphText(writer.doc, A2, 0).toString();
    const tabled = await tableReplacement(fx.reviewer, fx.documentId, P, before.replace('persons', 'people'));
    const changed = before.replace('persons', 'all people');
    const res = await decide(fx.coordinator, fx.documentId, tabled.body.amendment.id, {
      decision: 'accept',
      proposal: paragraphsProposal(changed),
    });
    expect(res.status).toBe(200);
    expect(res.body.amendment.decision).toMatchObject({ decision: 'accept', changed: true });
    await waitFor(() => paragraphText(writer.doc, A2, 0).toString() === changed, 'the changed wording');
  });

  it('marks an amendment obsolete once its clause is deleted, and refuses to accept it', async () => {
    const extra = clauseId();
    await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
      { id: extra, heading: 'Temporary', paragraphs: ['Short-lived text.'] },
    ]);
    const tabled = await tableReplacement(
      fx.reviewer,
      fx.documentId,
      paragraphId(extra, 0),
      'Longer-lived text.',
    );
    expect(tabled.status).toBe(201);
    const fragment = writer.doc.getXmlFragment('default');
    const index = fragment.toArray().findIndex((n: any) => n.getAttribute?.('clauseId') === extra);
    writer.doc.transact(() => fragment.delete(index, 1));
    await waitFor(async () => {
      const res = await fx.coordinator.api.request('GET', url(`/${tabled.body.amendment.id}`));
      return res.body.amendment.state === 'obsolete';
    }, 'the amendment to be obsolete');
    const refused = await decide(fx.coordinator, fx.documentId, tabled.body.amendment.id, {
      decision: 'accept',
    });
    expect(refused.status).toBe(409);
    // rejecting an obsolete amendment closes it
    expect(
      (
        await decide(fx.coordinator, fx.documentId, tabled.body.amendment.id, {
          decision: 'reject',
          reason: 'Gone.',
        })
      ).status,
    ).toBe(200);
  });

  it('tells open editors of every new amendment and decision (live events)', async () => {
    const socket = await openEventSocket(server.wsUrl, fx.observer, fx.documentId);
    try {
      const tabled = await tableReplacement(
        fx.reviewer,
        fx.documentId,
        P3,
        TEXT.replace('aid', 'assistance'),
      );
      await decide(fx.coordinator, fx.documentId, tabled.body.amendment.id, {
        decision: 'reject',
        reason: 'No.',
      });
      await waitFor(
        () => socket.events.filter((e) => e.event.amendmentId === tabled.body.amendment.id).length === 2,
        'two amendment events',
      );
      expect(
        socket.events.filter((e) => e.event.type === 'amendments.changed').map((e) => e.event.change),
      ).toEqual(['tabled', 'rejected']);
    } finally {
      socket.close();
    }
  });

  it('refuses to accept while the text is locked', async () => {
    const tabled = await tableReplacement(
      fx.reviewer,
      fx.documentId,
      P3,
      TEXT.replace('legal', 'public legal'),
    );
    const lock = await fx.coordinator.api.request('POST', `/api/documents/${fx.documentId}/workflow`, {
      to: 'review',
      lockText: true,
    });
    expect(lock.status).toBe(200);
    try {
      const res = await decide(fx.coordinator, fx.documentId, tabled.body.amendment.id, {
        decision: 'accept',
      });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('text_locked');
      expect(
        (await fx.coordinator.api.request('GET', url(`/${tabled.body.amendment.id}`))).body.amendment.state,
      ).toBe('pending');
    } finally {
      await fx.coordinator.api.request('POST', `/api/documents/${fx.documentId}/workflow`, {
        to: 'drafting',
      });
    }
  });
});

describe('exports of the amendments list', () => {
  const download = (query: string, user = fx.observer) =>
    fetch(`${server.url}/api/documents/${fx.documentId}/amendments/export?${query}`, {
      headers: user.api.cookie ? { cookie: user.api.cookie } : {},
    });

  it('gives HTML, DOCX and CSV in the two-column layout, with organisation, co-sponsors, justification and decision', async () => {
    const tabled = await tableReplacement(
      fx.reviewer,
      fx.documentId,
      P3,
      TEXT.replace('persons', 'all persons'),
      'Universal coverage.',
    );
    const id = tabled.body.amendment.id;
    await fx.reviewer2.api.request('POST', url(`/${id}/cosponsor`), {});
    await decide(fx.coordinator, fx.documentId, id, { decision: 'reject', reason: 'Too broad.' });
    const html = await download(`format=html&clauseId=${P3}&country=NG&status=rejected`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain('<th scope="col">Text proposed</th><th scope="col">Amendment</th>');
    expect(page).toContain('<ins><b><i>all </i></b></ins>');
    expect(page).toContain('Paralegal Network (KE) — Rosa Reviewer');
    expect(page).toContain('University of Lagos (NG) — Ravi Reviewer');
    expect(page).toContain('Universal coverage.');
    expect(page).toContain('Rejected by Coral Coordinator');
    expect(page).toContain('Too broad.');

    const csv = await (await download(`format=csv&clauseId=${P3}&country=NG&status=rejected`)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"Amendment","Clause","Kind","Text proposed","Amendment","Tabled by","Co-sponsors","Justification","State","Clause status","Decision"',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('{+all +}');
    expect(lines[1]).toContain('"Rejected"');

    const docx = await download(`format=docx&clauseId=${P3}&country=NG&status=rejected`);
    expect(docx.headers.get('content-disposition')).toContain('amendments.docx');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    for (const expected of [
      'Text proposed',
      'Amendment 1',
      'all persons',
      'University of Lagos',
      'Universal coverage.',
      'Too broad.',
    ])
      expect(text).toContain(expected);
  });

  it('is for members only and refuses unknown formats', async () => {
    const outsider = await newUser(new ApiClient(server.url), { name: 'Outsider' });
    expect((await download('format=html', outsider)).status).toBe(404);
    const bad = await download('format=pdf');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('validation_failed');
  });
});
