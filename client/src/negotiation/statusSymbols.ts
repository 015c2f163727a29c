import type { ClauseStatus, PositionStance } from '@accord/shared';

/**
 * A symbol per status and stance, always shown beside its words (never colour or symbol alone);
 * screen readers read the words, the symbols are hidden from them.
 */
export const STATUS_SYMBOL: Record<ClauseStatus, string> = {
  pending: '○',
  agreed: '✔',
  agreed_ad_referendum: '◐',
  bracketed: '[ ]',
};

export const STANCE_SYMBOL: Record<PositionStance, string> = {
  support: '✔',
  reservation: '!',
  objection: '✖',
};
