import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MongoClient, ObjectId } from 'mongodb';
import { importMarkdown } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { agreementMarkdown, createDocumentWithMembers, freezeVersion } from '../helpers/documents.js';

/**
 * Sign-off before publishing, against the real server and database: a coordinator opens a round on
 * a frozen version naming the organisations that must endorse; publishing is refused (409
 * signoff_incomplete) until each has endorsed, or a coordinator gives a recorded reason; members
 * answer for their own organisation only, the latest decision counts and the history is kept;
 * the publication and its public page list the endorsing organisations with dates.
 */
let server: TestServer;
let coordinator: NewUser;
let drafter: NewUser;
let reviewer: NewUser;
let observer: NewUser;
let outsiderOrgMember: NewUser;
let stranger: NewUser;
const tag = randomBytes(3).toString('hex');
const org = (name: string, country = 'CL') => ({
  organisation: { name: `${name} ${tag}`, kind: 'civil_society', country },
});

beforeAll(async () => {
  server = await startServer();
  const make = (name: string, country?: string) => newUser(new ApiClient(server.url), org(name, country));
  coordinator = await make('Secretariat');
  drafter = await make('Ministerio de Justicia', 'PE');
  reviewer = await make('Fundación Acceso', 'AR');
  observer = await make('Fundación Acceso', 'AR');
  outsiderOrgMember = await make('Observers Network');
  stranger = await make('Nowhere');
});

afterAll(async () => {
  await server?.stop();
});

interface Setup {
  documentId: string;
  orgs: Record<'secretariat' | 'ministry' | 'fundacion' | 'network', string>;
}

async function documentWithVersion(): Promise<Setup> {
  const documentId = await createDocumentWithMembers(
    coordinator,
    {
      title: 'Regional Agreement',
      kind: 'agreement',
      content: importMarkdown(agreementMarkdown('R', 2)).json,
    },
    [
      [drafter, 'drafter'],
      [reviewer, 'reviewer'],
      [observer, 'observer'],
      [outsiderOrgMember, 'reviewer'],
    ],
  );
  await freezeVersion(coordinator, documentId, 'Final draft');
  const members = await coordinator.api.request('GET', `/api/documents/${documentId}/members`);
  expect(members.status).toBe(200);
  const orgOf = (user: NewUser) =>
    members.body.members.find((m: { userId: string }) => m.userId === user.id).organisation.id as string;
  return {
    documentId,
    orgs: {
      secretariat: orgOf(coordinator),
      ministry: orgOf(drafter),
      fundacion: orgOf(reviewer),
      network: orgOf(outsiderOrgMember),
    },
  };
}

const open = (user: NewUser, documentId: string, body: unknown, version = 1) =>
  user.api.request('POST', `/api/documents/${documentId}/versions/${version}/signoff`, body);
const decide = (user: NewUser, documentId: string, body: unknown, version = 1) =>
  user.api.request('POST', `/api/documents/${documentId}/versions/${version}/signoff/decisions`, body);
const publish = (documentId: string, extra: Record<string, unknown> = {}) =>
  coordinator.api.request('POST', `/api/documents/${documentId}/publications`, {
    version: 1,
    release: 'major',
    ...extra,
  });

async function countIn(collection: string, filter: Record<string, unknown>): Promise<number> {
  const client = new MongoClient(`${inject('mongodbUri')}${server.dbName}`, { directConnection: true });
  try {
    return await client.db().collection(collection).countDocuments(filter);
  } finally {
    await client.close();
  }
}

describe('sign-off', () => {
  it('blocks publishing until every required organisation has endorsed, then publishes and lists them with dates', async () => {
    const { documentId, orgs } = await documentWithVersion();
    const opened = await open(coordinator, documentId, {
      organisationIds: [orgs.ministry, orgs.fundacion],
      note: 'Endorse by Friday',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body.round).toMatchObject({ version: 1, required: 2, endorsed: 0, complete: false });

    const blocked = await publish(documentId);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('signoff_incomplete');
    expect(blocked.body.error.details.missing.sort()).toEqual([orgs.ministry, orgs.fundacion].sort());

    // the ministry endorses; the fundación declines, then (another member of it cannot: observer) endorses
    expect(
      (await decide(drafter, documentId, { decision: 'endorse', note: 'Approved by the minister' })).status,
    ).toBe(201);
    const declined = await decide(reviewer, documentId, {
      decision: 'decline',
      note: 'Article 2 still open',
    });
    expect(declined.status).toBe(201);
    expect(declined.body.round).toMatchObject({ endorsed: 1, complete: false });
    expect((await publish(documentId)).body.error.code).toBe('signoff_incomplete');
    const observerTry = await decide(observer, documentId, { decision: 'endorse' });
    expect(observerTry.status).toBe(403);
    const endorsed = await decide(reviewer, documentId, { decision: 'endorse' });
    expect(endorsed.status).toBe(201);
    expect(endorsed.body.round).toMatchObject({ endorsed: 2, required: 2, complete: true });
    const fundacion = endorsed.body.round.organisations.find(
      (o: { organisation: { id: string } }) => o.organisation.id === orgs.fundacion,
    );
    expect(fundacion.latest).toMatchObject({ decision: 'endorse', seq: 2, by: { id: reviewer.id } });
    expect(
      endorsed.body.round.history
        .filter((d: { organisationId: string }) => d.organisationId === orgs.fundacion)
        .map((d: { decision: string; note: string | null }) => [d.decision, d.note]),
    ).toEqual([
      ['decline', 'Article 2 still open'],
      ['endorse', null],
    ]);

    const published = await publish(documentId);
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    // the refused attempts wrote nothing: the first publication is still 1.0
    expect(published.body.publication.number).toBe('1.0');
    const { signoff } = published.body.publication;
    expect(signoff.override).toBeNull();
    expect(
      signoff.endorsements.map((e: { organisation: { name: string } }) => e.organisation.name).sort(),
    ).toEqual([`Fundación Acceso ${tag}`, `Ministerio de Justicia ${tag}`].sort());
    for (const e of signoff.endorsements)
      expect(Date.parse(e.at)).toBeLessThanOrEqual(Date.parse(published.body.publication.publishedAt));

    // the public page lists them with their dates
    expect(
      (await coordinator.api.request('PATCH', `/api/documents/${documentId}`, { public: true })).status,
    ).toBe(200);
    const page = await fetch(`${server.url}/p/${published.body.publication.id}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Endorsed by');
    expect(html).toContain(`Ministerio de Justicia ${tag} (PE)`);
    expect(html).toContain(`Fundación Acceso ${tag} (AR)`);
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT/);
    // members read it from the API too; after publishing, decisions are refused
    const listed = await reviewer.api.request('GET', `/api/documents/${documentId}/publications`);
    expect(listed.body.publications[0].signoff.endorsements).toHaveLength(2);
    expect((await decide(drafter, documentId, { decision: 'decline', note: 'late' })).status).toBe(409);
  });

  it('lets a coordinator publish without every endorsement only with a recorded reason', async () => {
    const { documentId, orgs } = await documentWithVersion();
    expect(
      (await open(coordinator, documentId, { organisationIds: [orgs.ministry, orgs.network] })).status,
    ).toBe(201);
    expect((await decide(drafter, documentId, { decision: 'endorse' })).status).toBe(201);
    const empty = await publish(documentId, { overrideReason: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('validation_failed');
    expect((await publish(documentId)).status).toBe(409);
    const overridden = await publish(documentId, {
      overrideReason: 'Network dissolved; mandate from the plenary',
    });
    expect(overridden.status, JSON.stringify(overridden.body)).toBe(201);
    expect(overridden.body.publication.signoff).toMatchObject({
      endorsements: [{ organisation: { id: orgs.ministry } }],
      override: { reason: 'Network dissolved; mandate from the plenary', by: { id: coordinator.id } },
    });
    const round = await reviewer.api.request('GET', `/api/documents/${documentId}/versions/1/signoff`);
    expect(round.body.round.overrides).toHaveLength(1);
    expect(round.body.round.can).toEqual({ decide: false, organisationId: null });
  });

  it('publishes a version without a round as before', async () => {
    const { documentId } = await documentWithVersion();
    const published = await publish(documentId);
    expect(published.status).toBe(201);
    expect(published.body.publication.signoff).toBeNull();
  });

  it('checks every role, non-members and bad input, and writes nothing on refusal', async () => {
    const { documentId, orgs } = await documentWithVersion();
    const body = { organisationIds: [orgs.ministry] };
    for (const user of [drafter, reviewer, observer]) {
      const res = await open(user, documentId, body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    for (const res of [
      await open(stranger, documentId, body),
      await stranger.api.request('GET', `/api/documents/${documentId}/signoffs`),
      await stranger.api.request('GET', `/api/documents/${documentId}/versions/1/signoff`),
      await decide(stranger, documentId, { decision: 'endorse' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const bad: Array<[unknown, number, string]> = [
      [{ organisationIds: [] }, 400, 'validation_failed'],
      [{ organisationIds: [orgs.ministry, orgs.ministry] }, 400, 'validation_failed'],
      [{ organisationIds: ['nope'] }, 400, 'validation_failed'],
      [{ organisationIds: { $ne: null } }, 400, 'validation_failed'],
      [{ organisationIds: [new ObjectId().toHexString()] }, 400, 'unknown_organisation'],
      [{ organisationIds: [orgs.ministry], note: 'n'.repeat(2001) }, 400, 'validation_failed'],
    ];
    for (const [input, status, code] of bad) {
      const res = await open(coordinator, documentId, input);
      expect(res.status, JSON.stringify(input)).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    const noVersion = await open(coordinator, documentId, body, 7);
    expect(noVersion.status).toBe(404);
    expect(await countIn('signoff_rounds', { documentId: new ObjectId(documentId) })).toBe(0);
    // no round yet: deciding is 404
    expect((await decide(drafter, documentId, { decision: 'endorse' })).status).toBe(404);

    expect((await open(coordinator, documentId, body)).status).toBe(201);
    const twice = await open(coordinator, documentId, body);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('conflict');
    // a member of an organisation that is not asked; a decline without a note; an unknown decision
    const notAsked = await decide(reviewer, documentId, { decision: 'endorse' });
    expect(notAsked.status).toBe(403);
    for (const input of [
      { decision: 'decline' },
      { decision: 'maybe' },
      { decision: 'endorse', extra: true },
    ]) {
      const res = await decide(drafter, documentId, input);
      expect(res.status, JSON.stringify(input)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(await countIn('endorsements', { documentId: new ObjectId(documentId) })).toBe(0);
    const listed = await observer.api.request('GET', `/api/documents/${documentId}/signoffs`);
    expect(listed.status).toBe(200);
    expect(listed.body.rounds).toHaveLength(1);
  });
});
