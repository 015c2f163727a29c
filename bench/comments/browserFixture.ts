/**
 * The large commented document of issue 5, for the browser benchmark: a 100-article agreement
 * (heading + 3 numbered paragraphs each) written through a real y-websocket client, and 1,000
 * comments created through the REST API — 700 threads (200 on text ranges, 500 on whole clauses)
 * and 300 replies (so 300 threads have a reply), by 6 reviewers from 6 organisations in 5
 * countries and a drafter. Used by both comments benchmarks (browser.ts and commentsApi.ts).
 */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { createRangeAnchor, newClauseId } from '@accord/shared';
import { BenchApi } from '../lib/BenchApi.js';
import { openProvider, until } from '../lib/benchProvider.js';

export const FIXTURE = {
  articles: 100,
  paragraphsPerArticle: 3,
  threads: 700,
  rangeThreads: 200,
  replies: 300,
  createConcurrency: 8,
} as const;

/** The server to create the document on (bench/lib/startAccordForBench.ts). */
export interface BenchServer {
  url: string;
  wsUrl: string;
}

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

function buildArticles(): { elements: Y.XmlElement[]; paragraphIds: string[][] } {
  const elements: Y.XmlElement[] = [];
  const paragraphIds: string[][] = [];
  for (let a = 1; a <= FIXTURE.articles; a++) {
    const article = new Y.XmlElement('article');
    article.setAttribute('clauseId', newClauseId());
    const heading = new Y.XmlElement('clauseHeading');
    heading.insert(0, [new Y.XmlText(`Provision ${a} on access to justice`)]);
    const children = [heading];
    const ids: string[] = [];
    for (let p = 1; p <= FIXTURE.paragraphsPerArticle; p++) {
      const numbered = new Y.XmlElement('numberedParagraph');
      const id = newClauseId();
      ids.push(id);
      numbered.setAttribute('clauseId', id);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [
        new Y.XmlText(
          `States Parties shall guarantee, in article ${a} paragraph ${p}, that every person has effective access to ` +
            `justice, legal aid and community paralegal services without discrimination of any kind.`,
        ),
      ]);
      numbered.insert(0, [paragraph]);
      children.push(numbered);
    }
    article.insert(0, children);
    elements.push(article);
    paragraphIds.push(ids);
  }
  return { elements, paragraphIds };
}

const articleCount = (doc: Y.Doc) =>
  doc
    .getXmlFragment('default')
    .toArray()
    .filter((n) => n instanceof Y.XmlElement && n.nodeName === 'article').length;

function paragraphText(elements: Y.XmlElement[], article: number, paragraph: number): Y.XmlText {
  const numbered = elements[article]!.get(paragraph + 1) as Y.XmlElement;
  return (numbered.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

export interface Member {
  api: BenchApi;
  email: string;
  id: string;
  name: string;
}

export interface CommentedDocument {
  documentId: string;
  coordinator: Member;
  drafter: Member;
  reviewers: Member[];
  comments: number;
  rangeThreads: number;
  threadsWithReplies: number;
  setupMs: { text: number; comments: number };
  /** closes the client that wrote the text (already closed unless `keepWriterOpen`) */
  closeWriter(): void;
}

/**
 * Builds the document and its comments. With `keepWriterOpen`, the writer stays connected, so the
 * document stays open in a live room until `closeWriter()`.
 */
export async function createCommentedDocument(
  server: BenchServer,
  { keepWriterOpen = false }: { keepWriterOpen?: boolean } = {},
): Promise<CommentedDocument> {
  const organisations = [
    ['Justicia Abierta', 'civil_society', 'AR'],
    ['Paralegal Network', 'civil_society', 'KE'],
    ['University of Lagos', 'academic', 'NG'],
    ['Instituto Pro Bono', 'civil_society', 'BR'],
    ['Ministry of Justice', 'public_institution', 'PT'],
    ['Namati Kenya', 'civil_society', 'KE'],
  ] as const;
  const register = async (name: string, org: (typeof organisations)[number]): Promise<Member> => {
    const api = new BenchApi(server.url);
    const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomBytes(4).toString('hex')}@example.org`;
    const body = await api.ok('POST', '/api/auth/register', {
      email,
      password: 'correct horse battery',
      name,
      organisation: { name: org[0], kind: org[1], country: org[2] },
    });
    return { api, email, id: body.user.id as string, name };
  };
  const coordinator = await register('Coral Coordinator', organisations[0]);
  const drafter = await register('Dario Drafter', organisations[0]);
  const reviewers = await Promise.all(organisations.map((org, i) => register(`Reviewer ${i + 1}`, org)));
  const documentId = (
    await coordinator.api.ok('POST', '/api/documents', {
      title: 'Regional Agreement on Access to Justice',
      kind: 'other',
    })
  ).document.id as string;
  // people join by accepting an invitation
  const join = async (member: Member, role: 'drafter' | 'reviewer') => {
    const { invitation } = await coordinator.api.ok('POST', `/api/documents/${documentId}/invitations`, {
      email: member.email,
      role,
    });
    await member.api.ok('POST', `/api/invitations/${invitation.id as string}/accept`);
  };
  await join(drafter, 'drafter');
  for (const r of reviewers) await join(r, 'reviewer');

  const t0 = performance.now();
  const writer = openProvider(server.wsUrl, drafter.api.cookie, documentId);
  let handedOver = false;
  try {
    await until(() => writer.synced, 'writer sync', 60_000, 20);
    const { elements, paragraphIds } = buildArticles();
    const fragment = writer.doc.getXmlFragment('default');
    writer.doc.transact(() => fragment.insert(fragment.length, elements));
    const probe = openProvider(server.wsUrl, coordinator.api.cookie, documentId);
    await until(
      () => probe.synced && articleCount(probe.doc) >= FIXTURE.articles,
      'the server to have the text',
      60_000,
      20,
    );
    probe.destroy();
    const textMs = performance.now() - t0;

    const t1 = performance.now();
    const threadIds: string[] = [];
    let rangeThreads = 0;
    await pool(
      Array.from({ length: FIXTURE.threads }, (_, i) => i),
      FIXTURE.createConcurrency,
      async (i) => {
        const article = i % FIXTURE.articles;
        const paragraph = Math.floor(i / FIXTURE.articles) % FIXTURE.paragraphsPerArticle;
        const author = i % 7 === 6 ? drafter : reviewers[i % reviewers.length]!;
        let anchor: unknown;
        if (i < FIXTURE.rangeThreads) {
          const text = paragraphText(elements, article, paragraph);
          const from = text.toString().indexOf('effective access');
          anchor = createRangeAnchor(
            writer.doc,
            { text, index: from },
            { text, index: from + 'effective access to justice'.length },
          );
          rangeThreads++;
        } else {
          anchor =
            i % 2
              ? { kind: 'clause', clauseId: paragraphIds[article]![paragraph] }
              : { kind: 'clause', clauseId: elements[article]!.getAttribute('clauseId') };
        }
        const body = await author.api.ok('POST', `/api/documents/${documentId}/comments`, {
          anchor,
          body: `Comment ${i}: the wording of this provision should say "may" rather than "shall" in line with regional practice.\nSee https://example.org/note/${i}`,
        });
        threadIds.push(body.thread.id);
      },
    );
    await pool(threadIds.slice(0, FIXTURE.replies), FIXTURE.createConcurrency, async (threadId) => {
      await drafter.api.ok('POST', `/api/comments/${threadId}/replies`, {
        body: 'Thank you — we will revise the text in the next draft.',
      });
    });
    handedOver = keepWriterOpen;
    return {
      documentId,
      coordinator,
      drafter,
      reviewers,
      comments: threadIds.length + FIXTURE.replies,
      rangeThreads,
      threadsWithReplies: FIXTURE.replies,
      setupMs: { text: Math.round(textMs), comments: Math.round(performance.now() - t1) },
      closeWriter: () => writer.destroy(),
    };
  } finally {
    if (!handedOver) writer.destroy();
  }
}
