import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { lookupById } from '../database/lookupById.js';
import { ClientIdClaim, clientIdClaimKey, type ClientIdClaimRecord } from '../models/ClientIdClaim.js';

interface Claim {
  record: ClientIdClaimRecord;
  userId: string;
  resolve: (owner: string) => void;
  reject: (error: unknown) => void;
}

/** claims made in one turn of the event loop, inserted together at its end */
let batch: Claim[] | null = null;
const MAX_PER_INSERT = 1000;

/**
 * Claims a Yjs client id in a document for a user (ClaimStore): the insert is the
 * compare-and-swap. Answers the user who holds the id, this one or whoever inserted first.
 * The claims of one turn go to the database as one insert command (unordered: each record
 * succeeds or meets its key taken on its own): when thousands of editors send their first
 * keystrokes at once, that is a few commands, not thousands of mongoose documents in flight.
 */
export function claimClientId(documentId: string, clientId: number, userId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!batch) {
      batch = [];
      setImmediate(insertBatch);
    }
    batch.push({
      record: {
        _id: clientIdClaimKey(documentId, clientId),
        documentId: new Types.ObjectId(documentId),
        clientId,
        userId: new Types.ObjectId(userId),
        at: new Date(),
      },
      userId,
      resolve,
      reject,
    });
  });
}

function insertBatch(): void {
  const claims = batch ?? [];
  batch = null;
  for (let i = 0; i < claims.length; i += MAX_PER_INSERT) {
    void insert(claims.slice(i, i + MAX_PER_INSERT));
  }
}

async function insert(claims: Claim[]): Promise<void> {
  let errors: { index: number; code?: number; errmsg?: string }[];
  try {
    const db = ClientIdClaim.db.db;
    if (!db) throw new Error('the database connection is not open');
    const reply = (await db.command({
      insert: ClientIdClaim.collection.collectionName,
      documents: claims.map((c) => c.record),
      ordered: false,
    })) as { writeErrors?: { index: number; code?: number; errmsg?: string }[] };
    errors = reply.writeErrors ?? [];
  } catch (error) {
    for (const claim of claims) claim.reject(error);
    return;
  }
  const failed = new Map(errors.map((e) => [e.index, e]));
  await Promise.all(
    claims.map(async (claim, index) => {
      const error = failed.get(index);
      if (!error) return claim.resolve(claim.userId);
      if (!isDuplicateKeyError(error)) {
        return claim.reject(new Error(`claiming a client id failed: ${error.code} ${error.errmsg}`));
      }
      try {
        const existing = await lookupById<{ userId: Types.ObjectId }>(ClientIdClaim, claim.record._id, {
          userId: 1,
        });
        if (!existing) throw new Error(`claiming a client id failed: ${error.code} ${error.errmsg}`);
        claim.resolve(existing.userId.toHexString());
      } catch (lookupError) {
        claim.reject(lookupError);
      }
    }),
  );
}
