import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose, { Types } from 'mongoose';
import pino from 'pino';
import { connectDatabase } from './connectDatabase.js';
import { runMigrations } from './runMigrations.js';
import { membershipKeys } from './migrations/membershipKeys.js';
import { Membership, membershipKey } from '../models/Membership.js';
import { Migration } from '../models/Migration.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}

const logger = pino({ level: 'silent' });

beforeAll(async () => {
  await connectDatabase(
    { mongodbUri: `${inject('mongodbUri')}mig_${randomBytes(6).toString('hex')}` },
    logger,
  );
});

afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

describe('data migrations', () => {
  it('gives memberships from before keyed ids their key, once, and loses none', async () => {
    const documentId = new Types.ObjectId();
    const users = [new Types.ObjectId(), new Types.ObjectId()];
    const now = new Date();
    await Membership.collection.insertMany(
      users.map((userId, i) => ({
        _id: new Types.ObjectId(),
        documentId,
        userId,
        role: i === 0 ? 'coordinator' : 'reviewer',
        createdAt: now,
        updatedAt: now,
      })) as never,
    );
    await membershipKeys(logger);
    // a second run (after a crash, or by a second process) changes nothing
    await membershipKeys(logger);
    const stored = await Membership.find({ documentId }).sort({ role: 1 }).lean();
    expect(stored.map((m) => [m._id, m.role])).toEqual([
      [membershipKey(documentId, users[0]!), 'coordinator'],
      [membershipKey(documentId, users[1]!), 'reviewer'],
    ]);
    expect((await Membership.findById(membershipKey(documentId, users[1]!)).lean())?.role).toBe('reviewer');
  });

  it('records each finished migration and runs it once', async () => {
    await runMigrations(logger);
    const names = (await Migration.find().lean()).map((m) => m._id).sort();
    expect(names).toEqual(['document-state-keys', 'membership-keys']);
    const before = await Migration.find().lean();
    await runMigrations(logger);
    expect(await Migration.find().lean()).toEqual(before);
  });

  it('keys new memberships by document and user, and refuses a second one for the pair', async () => {
    const documentId = new Types.ObjectId();
    const userId = new Types.ObjectId();
    const created = await Membership.create({ documentId, userId, role: 'drafter' });
    expect(created._id).toBe(membershipKey(documentId, userId));
    await expect(Membership.create({ documentId, userId, role: 'observer' })).rejects.toMatchObject({
      code: 11000,
    });
  });
});
