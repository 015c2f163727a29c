import { Membership, membershipKey } from '../../models/Membership.js';
import { isDuplicateKeyError } from '../isDuplicateKeyError.js';
import type { Logger } from '../../logger.js';

/**
 * Memberships from before keyed `_id`s (ObjectIds) get their key: each is inserted again under
 * `<documentId>:<userId>`, then the old record is deleted. Safe to run again after a crash: a
 * membership already under its key is kept as it is.
 */
export async function membershipKeys(logger: Logger): Promise<void> {
  // the key is unique per (document, user) now; the old index would refuse the keyed copy
  await Membership.collection.dropIndex('documentId_1_userId_1').catch(() => {});
  let moved = 0;
  for await (const found of Membership.collection.find({ _id: { $type: 'objectId' } } as never)) {
    const { _id, ...fields } = found;
    try {
      await Membership.collection.insertOne({
        ...fields,
        _id: membershipKey(fields.documentId, fields.userId),
      } as never);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    await Membership.collection.deleteOne({ _id } as never);
    moved++;
  }
  if (moved > 0) logger.info({ memberships: moved }, 'memberships moved to keyed ids');
}
