import mongoose from 'mongoose';
import { SignoffRound, type SignoffRoundRecord } from '../models/SignoffRound.js';
import { Endorsement, type EndorsementRecord } from '../models/Endorsement.js';
import { SignoffOverride, type SignoffOverrideRecord } from '../models/SignoffOverride.js';
import { Organisation, type OrganisationRecord } from '../models/Organisation.js';
import { User } from '../models/User.js';
import { signoffRoundKey } from '../signoff/signoffKeys.js';
import { latestBy } from './negotiationRecords.js';

export interface SignoffState {
  round: SignoffRoundRecord;
  /** every decision, oldest first */
  decisions: EndorsementRecord[];
  /** organisation id → its latest decision */
  latest: Map<string, EndorsementRecord>;
  overrides: SignoffOverrideRecord[];
  organisations: Map<string, OrganisationRecord>;
  names: Map<string, string>;
  /** required organisations whose latest decision is not an endorsement */
  missing: string[];
}

/** A version's sign-off round with its decisions and overrides (null: no round). */
export async function signoffState(documentId: string, versionNumber: number): Promise<SignoffState | null> {
  const round = await SignoffRound.findById(signoffRoundKey(documentId, versionNumber)).lean();
  return round ? stateOf(round) : null;
}

/** Every sign-off round of a document, by version. */
export async function signoffStates(documentId: string): Promise<SignoffState[]> {
  const rounds = await SignoffRound.find({ documentId }).sort({ versionNumber: 1 }).lean();
  return Promise.all(rounds.map(stateOf));
}

async function stateOf(round: SignoffRoundRecord): Promise<SignoffState> {
  const [decisions, overrides, organisations] = await Promise.all([
    Endorsement.find({ roundId: round._id }).sort({ at: 1, _id: 1 }).lean(),
    SignoffOverride.find({ roundId: round._id }).sort({ seq: 1 }).lean(),
    Organisation.find({ _id: mongoose.trusted({ $in: round.organisationIds }) }).lean(),
  ]);
  const actorIds = [
    ...new Set([round, ...decisions, ...overrides].map((record) => record.actorId.toHexString())),
  ];
  const users = await User.find({ _id: mongoose.trusted({ $in: actorIds }) }, { name: 1 }).lean();
  const latest = new Map(
    latestBy(decisions, (d) => d.organisationId.toHexString()).map((d) => [
      d.organisationId.toHexString(),
      d,
    ]),
  );
  const missing = round.organisationIds
    .map((id) => id.toHexString())
    .filter((id) => latest.get(id)?.decision !== 'endorse');
  return {
    round,
    decisions,
    latest,
    overrides,
    organisations: new Map(organisations.map((o) => [o._id.toHexString(), o])),
    names: new Map(users.map((u) => [u._id.toHexString(), u.name])),
    missing,
  };
}
