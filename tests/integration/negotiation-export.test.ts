import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import type { NewUser } from '../helpers/api.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  paragraphId,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';
import { tableReplacement } from '../helpers/amendmentsFixture.js';

/**
 * The negotiation in exports: the positions matrix as CSV for coordinators (every clause's status,
 * every organisation's stance and note, tallies) and the amended clause's status in the
 * amendments list.
 */
let server: TestServer;
let fx: CommentsFixture;
let writer: WebsocketProvider;
const A1 = clauseId();
const A2 = clauseId();

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
  writer = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
    { id: A1, heading: 'Legal aid', paragraphs: ['States shall provide legal aid.'] },
    { id: A2, heading: 'Paralegals', paragraphs: ['States shall recognise paralegals.'] },
  ]);
});

afterAll(() => writer?.destroy());

const download = (user: NewUser, path: string) =>
  fetch(`${server.url}/api/documents/${fx.documentId}/${path}`, { headers: { cookie: user.api.cookie } });
const csvLines = async (res: Response) =>
  (await res.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

describe('negotiation exports', () => {
  it('gives coordinators the positions matrix as CSV, and no one else', async () => {
    const post = (user: NewUser, path: string, body: unknown) =>
      user.api.request('POST', `/api/documents/${fx.documentId}/${path}`, body);
    expect((await post(fx.coordinator, 'clause-statuses', { clauseId: A1, status: 'agreed' })).status).toBe(
      201,
    );
    expect(
      (
        await post(fx.reviewer, 'positions', {
          clauseId: A2,
          stance: 'reservation',
          note: 'Define "paralegal".',
        })
      ).status,
    ).toBe(201);
    expect((await post(fx.reviewer2, 'positions', { clauseId: A2, stance: 'support' })).status).toBe(201);
    expect((await post(fx.reviewer2, 'positions', { clauseId: A1, stance: 'support' })).status).toBe(201);

    const res = await download(fx.coordinator, 'negotiation/export?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('positions.csv');
    const lines = await csvLines(res);
    const header = lines[0]!;
    expect(header.startsWith('"Clause","Heading","Status","Status note",')).toBe(true);
    expect(header).toContain('"Paralegal Network (KE)"');
    expect(header).toContain('"University of Lagos (NG)"');
    expect(header.endsWith('"Support","Reservation","Objection"')).toBe(true);
    const columns = header.split('","');
    const kenya = columns.findIndex((c) => c.startsWith('Paralegal Network'));
    const lagos = columns.findIndex((c) => c.startsWith('University of Lagos'));
    const article = (heading: string) => lines.find((l) => l.includes(`"${heading}"`))!.split('","');
    const first = article('Legal aid');
    expect(first[2]).toBe('Agreed');
    expect(first[lagos]).toBe('Support');
    expect(first[kenya]).toBe('');
    const second = article('Paralegals');
    expect(second[2]).toBe('Pending');
    expect(second[kenya]).toBe('Reservation: Define ""paralegal"".');
    expect(second.slice(-3).join(',').replace(/"/g, '')).toBe('1,1,0');

    for (const user of [fx.drafter, fx.reviewer, fx.observer])
      expect((await download(user, 'negotiation/export?format=csv')).status).toBe(403);
    expect((await download(fx.coordinator, 'negotiation/export?format=xlsx')).status).toBe(400);
  });

  it("puts the amended clause's negotiation status in the amendments list", async () => {
    const tabled = await tableReplacement(
      fx.reviewer,
      fx.documentId,
      paragraphId(A1, 0),
      'States shall fund legal aid.',
    );
    expect(tabled.status).toBe(201);
    const onArticle = await fx.reviewer.api.request('POST', `/api/documents/${fx.documentId}/amendments`, {
      kind: 'replace',
      clauseId: A1,
      proposal: { heading: [{ text: 'Free legal aid' }], paragraphs: [] },
      justification: 'Title.',
    });
    expect(onArticle.status).toBe(201);
    const lines = await csvLines(await download(fx.observer, 'amendments/export?format=csv'));
    expect(lines[0]).toContain('"State","Clause status","Decision"');
    const statusOf = (line: string) => line.split('","')[9];
    expect(lines.slice(1).map(statusOf).sort()).toEqual(['Agreed', 'Pending']);
    const html = await (await download(fx.observer, 'amendments/export?format=html')).text();
    expect(html).toContain('<dt>Clause status</dt><dd>Agreed</dd>');
  });

  it('keeps the positions of an organisation that has left, in a column marked as such', async () => {
    const removed = await fx.coordinator.api.request(
      'DELETE',
      `/api/documents/${fx.documentId}/members/${fx.reviewer2.id}`,
    );
    expect(removed.status).toBeLessThan(300);
    const lines = await csvLines(await download(fx.coordinator, 'negotiation/export?format=csv'));
    const columns = lines[0]!.split('","');
    expect(columns).not.toContain('University of Lagos (NG)');
    const lagos = columns.indexOf('University of Lagos (NG) (left)');
    expect(lagos).toBeGreaterThan(columns.indexOf('Paralegal Network (KE)'));
    const article = (heading: string) => lines.find((l) => l.includes(`"${heading}"`))!.split('","');
    expect(article('Legal aid')[lagos]).toBe('Support');
    expect(article('Paralegals')[lagos]).toBe('Support');
    expect(article('Paralegals').slice(-3).join(',').replace(/"/g, '')).toBe('1,1,0');

    const negotiation = async (user: NewUser) =>
      (await user.api.request('GET', `/api/documents/${fx.documentId}/negotiation`)).body.negotiation;
    const seen = await negotiation(fx.coordinator);
    expect(seen.organisations.map((o: { name: string }) => o.name)).not.toContain('University of Lagos');
    expect(seen.leftOrganisations.map((o: { name: string }) => o.name)).toEqual(['University of Lagos']);
    expect((await negotiation(fx.reviewer)).leftOrganisations).toEqual([]);
  });
});
