/** An organisation's answer in a sign-off round (issue 16). */
export const SIGNOFF_DECISIONS = ['endorse', 'decline'] as const;
export type SignoffDecision = (typeof SIGNOFF_DECISIONS)[number];

/** Longest note on a decision, or override reason, in characters. */
export const SIGNOFF_NOTE_MAX = 2000;
/** Most organisations one round may ask. */
export const SIGNOFF_ORGANISATIONS_MAX = 200;
