import type { ClauseKind } from '../document/clauseKinds.js';
import type { ActionFields } from '../document/render/renderCanonical.js';

/** Every way a clause can differ between two versions; `changes` lists them in this order. */
export const CLAUSE_CHANGES = [
  'added',
  'removed',
  'moved',
  'renumbered',
  'modified',
  'split',
  'merged',
] as const;
export type ClauseChange = (typeof CLAUSE_CHANGES)[number];

/**
 * One run of a word diff (jsdiff's `diffWordsWithSpace`, without its `count`). `added`/`removed`
 * are present only when true; a part with neither is common to both versions. Joining the values
 * of the parts that are not `added` gives the old text; those not `removed`, the new text.
 */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
  /** amendments only: words common to both whose formatting (bold, italic, link, brackets) changes */
  formatted?: boolean;
}

export const ACTION_FIELD_NAMES = [
  'leadOrganisations',
  'partners',
  'startDate',
  'endDate',
  'indicator',
  'status',
] as const satisfies readonly (keyof ActionFields)[];
export type ActionFieldName = (typeof ACTION_FIELD_NAMES)[number];

/** One action field whose value differs; the side where the clause is absent is null. */
export interface ActionFieldChange {
  field: ActionFieldName;
  from: ActionFields[ActionFieldName] | null;
  to: ActionFields[ActionFieldName] | null;
}

/**
 * How one clause differs. Fields named old… describe the `from` version, new… the `to` version;
 * they are null where the clause does not exist (or, for parent ids, where it sits at the top).
 */
export interface ClauseComparison {
  clauseId: string | null;
  /** Kind in `to` (in `from` for a removed clause). */
  kind: ClauseKind;
  /** Empty when the clause is unchanged (`unchanged` is then true). */
  changes: ClauseChange[];
  unchanged: boolean;
  /** Depth in `to` (in `from` for a removed clause), for indenting a list of entries. */
  depth: number;
  oldNumber: string | null;
  newNumber: string | null;
  oldLabel: string | null;
  newLabel: string | null;
  oldPath: string | null;
  newPath: string | null;
  oldParentId: string | null;
  newParentId: string | null;
  /**
   * Word diff of the heading line; null when it is the same in both versions. For an added or
   * removed clause it is the whole heading as one added or removed part (null if it has none).
   */
  heading: DiffPart[] | null;
  /** Word diff of the clause's own text, on the same terms as `heading`. */
  text: DiffPart[] | null;
  /** Action fields that differ (all six for an added or removed action); null when none. */
  fields: ActionFieldChange[] | null;
  /** On a clause carrying 'split': the clause most of its text was taken from. */
  splitFrom: string | null;
  /** On the source of a split: the new clauses that took parts of its text. */
  splitInto: string[];
  /** On a clause carrying 'merged': the removed clauses whose text it took in. */
  mergedFrom: string[];
  /** On a removed clause merged into a surviving one: that clause. */
  mergedInto: string | null;
}

/** A change to text that belongs to no clause (preamble formulas, final formula, loose text). */
export interface FreeTextComparison {
  change: 'added' | 'removed' | 'modified';
  /** Inside the preamble, or elsewhere (the body: e.g. the final formula). */
  area: 'preamble' | 'body';
  /** The enclosing clause (canonical `parentId`), null at the top level or in the preamble. */
  parentId: string | null;
  /** Child indexes from the root in each version (null on the side where it is absent). */
  oldPath: number[] | null;
  newPath: number[] | null;
  text: DiffPart[];
}

/** How many clauses carry each change (a clause carrying two changes counts in both). */
export type ComparisonSummary = Record<ClauseChange, number> & { unchanged: number };

export interface DocumentComparison {
  summary: ComparisonSummary;
  /** False when title, clauses and free text are all the same. */
  hasChanges: boolean;
  /** Word diff of the title, null when unchanged. */
  title: DiffPart[] | null;
  /**
   * Clauses in reading order of `to`; a removed clause comes right after its previous surviving
   * sibling's subtree (first under its parent when it has none). Unchanged clauses only with
   * `includeUnchanged`.
   */
  entries: ClauseComparison[];
  freeText: FreeTextComparison[];
}

export interface CompareOptions {
  /** Also list unchanged clauses (`changes: []`, `unchanged: true`), e.g. for a full-text view. */
  includeUnchanged?: boolean;
}
