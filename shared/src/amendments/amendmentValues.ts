/** Values of amendments, without zod (the client's bundle takes these). */
export const AMENDMENT_KINDS = ['replace', 'insert', 'delete'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

/** where an inserted clause goes: next to the clause (its level), or as its last sub-clause (a level down) */
export const AMENDMENT_POSITIONS = ['before', 'after', 'inside'] as const;
export type AmendmentPosition = (typeof AMENDMENT_POSITIONS)[number];

/** pending/rebased/conflict/obsolete are computed against the live clause; the rest are decided */
export const AMENDMENT_STATES = [
  'pending',
  'rebased',
  'conflict',
  'obsolete',
  'accepted',
  'rejected',
  'withdrawn',
] as const;
export type AmendmentState = (typeof AMENDMENT_STATES)[number];

export const OPEN_AMENDMENT_STATES: readonly AmendmentState[] = [
  'pending',
  'rebased',
  'conflict',
  'obsolete',
];

export const AMENDMENT_DECISIONS = ['accept', 'reject'] as const;
export type AmendmentDecision = (typeof AMENDMENT_DECISIONS)[number];

/** Clause node types an amendment can insert (next to a clause of the same type, or inside one). */
export const INSERTABLE_CLAUSE_TYPES = [
  'recital',
  'chapter',
  'article',
  'numberedParagraph',
  'point',
  'objective',
  'action',
  'annex',
] as const;

/** The kinds of sub-clause each clause kind holds (the schema's content), for inserting a level down. */
export const SUB_CLAUSE_TYPES: Readonly<Record<string, readonly (typeof INSERTABLE_CLAUSE_TYPES)[number][]>> =
  {
    chapter: ['article'],
    article: ['numberedParagraph', 'point'],
    annex: ['numberedParagraph', 'point'],
    numberedParagraph: ['point'],
    point: ['point'],
    objective: ['action'],
  };

/** Clause kinds whose first line is a heading (an article's is optional: it gets one). */
export const HEADED_CLAUSE_TYPES: readonly string[] = ['chapter', 'article', 'objective', 'action', 'annex'];
