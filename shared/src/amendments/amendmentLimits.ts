/** Size limits of amendments (REST input; the client's form uses them too). */
export const AmendmentLimits = {
  /** characters of a proposal's text, all textblocks together */
  proposalTextMax: 20_000,
  /** textblocks (paragraphs) of a proposal */
  proposalBlocksMax: 100,
  /** runs (differently marked stretches) in one textblock */
  runsPerBlockMax: 500,
  justificationMax: 10_000,
  reasonMax: 10_000,
  /** characters of one action field value (indicator, each organisation name) */
  fieldMax: 2_000,
  /** organisations listed in an action field */
  fieldItemsMax: 50,
  hrefMax: 2_048,
} as const;
