import type {
  PresentedPublicationSignoff,
  PresentedSignoffDecision,
  PresentedSignoffRound,
} from '@accord/shared';
import type { EndorsementRecord } from '../models/Endorsement.js';
import type { PublicationRecord } from '../models/Publication.js';
import type { SignoffState } from '../queries/signoffState.js';
import { presentOrganisation } from './presentOrganisation.js';

const actor = (names: Map<string, string>, id: { toHexString(): string }) => ({
  id: id.toHexString(),
  name: names.get(id.toHexString()) ?? '',
});

function presentDecision(record: EndorsementRecord, names: Map<string, string>): PresentedSignoffDecision {
  return {
    organisationId: record.organisationId.toHexString(),
    seq: record.seq,
    decision: record.decision,
    note: record.note,
    by: actor(names, record.actorId),
    at: record.at.toISOString(),
  };
}

function requiredOrganisations(state: SignoffState) {
  return state.round.organisationIds.flatMap((id) => {
    const organisation = presentOrganisation(state.organisations.get(id.toHexString()));
    return organisation ? [organisation] : [];
  });
}

/** A round for a member: `viewer` says which organisation the reader may answer for. */
export function presentSignoffRound(
  state: SignoffState,
  viewer: { organisationId: string | null; comment: boolean },
): PresentedSignoffRound {
  const { round, names } = state;
  const required = round.organisationIds.map((id) => id.toHexString());
  const asked = viewer.organisationId !== null && required.includes(viewer.organisationId);
  return {
    version: round.versionNumber,
    note: round.note,
    openedBy: actor(names, round.actorId),
    openedAt: round.at.toISOString(),
    organisations: requiredOrganisations(state).map((organisation) => {
      const latest = state.latest.get(organisation.id);
      return { organisation, latest: latest ? presentDecision(latest, names) : null };
    }),
    history: state.decisions.map((d) => presentDecision(d, names)),
    endorsed: required.length - state.missing.length,
    required: required.length,
    complete: state.missing.length === 0,
    overrides: state.overrides.map((o) => ({
      reason: o.reason,
      by: actor(names, o.actorId),
      at: o.at.toISOString(),
    })),
    can: { decide: asked && viewer.comment, organisationId: asked ? viewer.organisationId : null },
  };
}

/**
 * What a publication says of its sign-off: the organisations whose latest decision when it was
 * published was an endorsement, with that decision's date, and the override recorded for it.
 */
export function presentPublicationSignoff(
  state: SignoffState | null,
  publication: PublicationRecord,
): PresentedPublicationSignoff | null {
  if (!state) return null;
  const publishedAt = publication.publishedAt.getTime();
  const endorsements: PresentedPublicationSignoff['endorsements'] = [];
  for (const organisation of requiredOrganisations(state)) {
    const before = state.decisions.filter(
      (d) => d.organisationId.toHexString() === organisation.id && d.at.getTime() <= publishedAt,
    );
    const last = before.reduce<EndorsementRecord | null>((a, b) => (!a || a.seq < b.seq ? b : a), null);
    if (last?.decision === 'endorse') endorsements.push({ organisation, at: last.at.toISOString() });
  }
  const override = state.overrides.filter((o) => o.at.getTime() <= publishedAt).at(-1) ?? null;
  return {
    endorsements,
    override: override
      ? { reason: override.reason, by: actor(state.names, override.actorId), at: override.at.toISOString() }
      : null,
  };
}
