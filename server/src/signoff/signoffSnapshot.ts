import type { PublicationSignoffRecord } from '../models/Publication.js';
import type { EndorsementRecord } from '../models/Endorsement.js';
import type { SignoffState } from '../queries/signoffState.js';

/**
 * The sign-off a publication records (and its exports show) as it stands at `publishedAt`: the
 * required organisations, in the round's order, whose latest decision by then is an endorsement
 * (who, when, note), and the latest override by then. Null without a round.
 */
export function signoffSnapshot(
  state: SignoffState | null,
  publishedAt: Date,
): PublicationSignoffRecord | null {
  if (!state) return null;
  const by = publishedAt.getTime();
  const endorsements: PublicationSignoffRecord['endorsements'] = [];
  for (const id of state.round.organisationIds) {
    const organisation = state.organisations.get(id.toHexString());
    if (!organisation) continue;
    const last = state.decisions
      .filter((d) => d.organisationId.equals(id) && d.at.getTime() <= by)
      .reduce<EndorsementRecord | null>((a, b) => (!a || a.seq < b.seq ? b : a), null);
    if (last?.decision !== 'endorse') continue;
    endorsements.push({
      organisationId: organisation._id,
      organisation: organisation.name,
      country: organisation.country,
      by: state.names.get(last.actorId.toHexString()) ?? '',
      at: last.at,
      note: last.note,
    });
  }
  const override = state.overrides.filter((o) => o.at.getTime() <= by).at(-1) ?? null;
  return {
    endorsements,
    override: override
      ? {
          reason: override.reason,
          by: state.names.get(override.actorId.toHexString()) ?? '',
          at: override.at,
        }
      : null,
  };
}
