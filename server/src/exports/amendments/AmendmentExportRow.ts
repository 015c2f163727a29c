import type { DiffPart } from '@accord/shared';

/** One amendment as the amendments list exports show it (one row of the two-column table). */
export interface AmendmentExportRow {
  number: number;
  clause: string;
  kind: string;
  /** the word diff: "Text proposed" shows the unadded parts, "Amendment" the unremoved ones */
  diff: DiffPart[];
  tabledBy: string;
  cosponsors: string[];
  justification: string;
  state: string;
  /** the amended clause's negotiation status ("Agreed"); null for insertions and clauses gone */
  clauseStatus: string | null;
  decision: string | null;
}
