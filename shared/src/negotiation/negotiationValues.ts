/** A clause's negotiation status (issue 16); `pending` until a coordinator sets another. */
export const CLAUSE_STATUSES = ['pending', 'agreed', 'agreed_ad_referendum', 'bracketed'] as const;
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

/** An organisation's position on a clause. */
export const POSITION_STANCES = ['support', 'reservation', 'objection'] as const;
export type PositionStance = (typeof POSITION_STANCES)[number];

/** Whether a status counts as agreed in the totals ("34 of 41 articles agreed"). */
export function isAgreed(status: ClauseStatus): boolean {
  return status === 'agreed' || status === 'agreed_ad_referendum';
}

/** Longest note on a status or a position, in characters. */
export const NEGOTIATION_NOTE_MAX = 1000;
