import mongoose from 'mongoose';
import { extractMentions } from '@accord/shared';
import { Membership } from '../models/Membership.js';
import { InvalidMention } from '../errors/InvalidMention.js';

/** The members a body @mentions; 400 invalid_mention when any of them is not a member. */
export async function checkMentions(documentId: string, body: string): Promise<string[]> {
  const ids = extractMentions(body);
  if (ids.length === 0) return [];
  const members = await Membership.find(
    { documentId, userId: mongoose.trusted({ $in: ids.map((id) => new mongoose.Types.ObjectId(id)) }) },
    { userId: 1 },
  ).lean();
  const found = new Set(members.map((m) => m.userId.toHexString()));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new InvalidMention(missing);
  return ids;
}
