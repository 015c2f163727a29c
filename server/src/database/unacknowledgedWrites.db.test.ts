import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { MongoClient, type Collection, type Db } from 'mongodb';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}

// runs in the integration project (a real database): see vitest.config.ts
//
// An unacknowledged write (w: 0) goes out as an OP_MSG with the moreToCome flag: the server must
// not answer it. If it does, the driver takes that stray answer for the answer to the next command
// on the same connection, and from then on every answer on the connection belongs to the previous
// command: one user is given another user's document. One pooled connection makes every command
// share it.

interface User {
  _id: string;
  name: string;
  round?: number;
}
interface Session {
  _id: string;
  userId: string;
}
interface Account {
  _id: string;
  owner: string;
}
interface Item {
  _id: number;
}

const names = ['alice', 'bob', 'carol', 'dave'];

let client: MongoClient;
let db: Db;
let users: Collection<User>;
let sessions: Collection<Session>;
let accounts: Collection<Account>;

beforeEach(async () => {
  client = new MongoClient(inject('mongodbUri'), { maxPoolSize: 1, directConnection: true });
  await client.connect();
  db = client.db(`wzero_${randomBytes(6).toString('hex')}`);
  users = db.collection<User>('users');
  sessions = db.collection<Session>('sessions');
  accounts = db.collection<Account>('accounts');
  await users.insertMany(names.map((name) => ({ _id: name, name })));
  await sessions.insertMany(names.map((name) => ({ _id: `s-${name}`, userId: name })));
  await accounts.insertMany(names.map((name) => ({ _id: `a-${name}`, owner: name })));
});

afterEach(async () => {
  // a fresh client: a connection shifted by a failed test must not serve the clean-up
  await client.close(true);
  const cleaner = new MongoClient(inject('mongodbUri'), { directConnection: true });
  try {
    await cleaner.db(db.databaseName).dropDatabase();
  } finally {
    await cleaner.close();
  }
});

/** Reads every user (in an order that changes with `round`) and checks each answer is its own. */
async function expectOwnAnswers(round: number) {
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + round) % names.length]!;
    const user = await users.findOne({ _id: name });
    expect(user?._id).toBe(name);
    expect(user?.name).toBe(name);
    const account = await accounts.findOne({ owner: name });
    expect(account?._id).toBe(`a-${name}`);
  }
}

/** Polls (bounded) until `check` holds: a w: 0 write has no answer to wait for. */
async function eventually(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not applied within 5 s: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const w0 = { writeConcern: { w: 0 } } as const;

describe('unacknowledged (w: 0) writes on a pooled connection', () => {
  it('leave every later answer on the connection to its own command, and are applied', async () => {
    for (let round = 0; round < 4; round++) {
      await sessions.deleteMany({}, w0);
      await expectOwnAnswers(round);
      await eventually(async () => (await sessions.countDocuments({})) === 0, 'deleteMany');

      await sessions.insertOne({ _id: `r${round}`, userId: names[round]! }, w0);
      await expectOwnAnswers(round + 1);
      await eventually(
        async () => (await sessions.findOne({ _id: `r${round}` }))?.userId === names[round],
        'insertOne',
      );

      await users.updateOne({ _id: 'alice' }, { $set: { round } }, w0);
      await expectOwnAnswers(round + 2);
      await eventually(async () => (await users.findOne({ _id: 'alice' }))?.round === round, 'updateOne');
    }
  });

  it('survive two w: 0 writes back to back', async () => {
    for (let round = 0; round < 3; round++) {
      await users.updateOne({ _id: 'bob' }, { $set: { round } }, w0);
      await sessions.insertOne({ _id: `twice${round}`, userId: 'bob' }, w0);
      await expectOwnAnswers(round);
      await eventually(async () => (await users.findOne({ _id: 'bob' }))?.round === round, 'updateOne');
      await eventually(
        async () => (await sessions.findOne({ _id: `twice${round}` }))?.userId === 'bob',
        'insertOne',
      );
    }
  });

  it('keep cursor batches (getMore) and killCursors answers in place', async () => {
    const items = db.collection<Item>('items');
    await items.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i })));

    const cursor = items.find({}, { sort: { _id: 1 }, batchSize: 2 });
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) seen.push((await cursor.next())!._id); // find + one getMore
    await users.updateOne({ _id: 'carol' }, { $set: { round: 1 } }, w0);
    for (let i = 0; i < 3; i++) seen.push((await cursor.next())!._id); // more getMores
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    await expectOwnAnswers(0);

    await sessions.deleteMany({ userId: 'dave' }, w0);
    await cursor.close(); // killCursors
    await expectOwnAnswers(1);
    await sessions.insertOne({ _id: 's-dave', userId: 'dave' }, w0);
    await expectOwnAnswers(2);

    await eventually(async () => (await users.findOne({ _id: 'carol' }))?.round === 1, 'updateOne');
    await eventually(
      async () => (await sessions.findOne({ _id: 's-dave' }))?.userId === 'dave',
      'deleteMany then insertOne',
    );
    expect(await items.countDocuments({})).toBe(10);
  });
});
