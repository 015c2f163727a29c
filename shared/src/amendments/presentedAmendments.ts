import type { DiffPart } from '../compare/comparisonTypes.js';
import type { ClauseContent } from './ClauseContent.js';
import type { MergeConflict } from './threeWayMerge.js';
import type {
  AmendmentDecision,
  AmendmentKind,
  AmendmentPosition,
  AmendmentState,
} from './amendmentValues.js';

export interface PresentedAmendmentOrganisation {
  id: string;
  name: string;
  country: string;
}

export interface PresentedAmendmentPerson {
  id: string;
  name: string;
  organisation: PresentedAmendmentOrganisation | null;
}

export interface PresentedAmendment {
  id: string;
  documentId: string;
  clauseId: string;
  /** the clause's current label ("Article 3"), null when it is gone */
  clauseLabel: string | null;
  kind: AmendmentKind;
  /** insert: where the new clause goes, and its node type */
  position: AmendmentPosition | null;
  clauseType: string | null;
  state: AmendmentState;
  /** other open amendments of the same clause whose changes touch the same words */
  competingWith: string[];
  revision: number;
  justification: string;
  /** the clause's wording when this revision was tabled (null for insertions) */
  base: ClauseContent | null;
  proposal: ClauseContent | null;
  /** the clause's text now (null when it is gone or for insertions) */
  currentText: string | null;
  /**
   * What accepting would do, as a word diff: the current text → the text with the proposal's
   * changes (pending, rebased); base → proposal (conflict, decided, insertions, deletions).
   */
  diff: DiffPart[];
  /** conflict: the proposal's changes that overlap changes made since tabling */
  conflicts: MergeConflict[];
  author: PresentedAmendmentPerson;
  cosponsors: (PresentedAmendmentPerson & { at: string })[];
  decision: {
    decision: AmendmentDecision;
    by: { id: string; name: string };
    at: string;
    reason: string | null;
    /** accepted with changes: the wording applied */
    changed: boolean;
  } | null;
  withdrawnAt: string | null;
  createdAt: string;
  updatedAt: string;
  can: { cosponsor: boolean; revise: boolean; withdraw: boolean; decide: boolean };
}

export interface AmendmentListResponse {
  amendments: PresentedAmendment[];
  /** open amendments (pending, rebased, conflict) per current clause id, ignoring the filters */
  clauseCounts: Record<string, number>;
  facets: {
    organisations: PresentedAmendmentOrganisation[];
    authors: { id: string; name: string }[];
    countries: string[];
  };
}
