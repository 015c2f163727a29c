/**
 * Sent to every member's open editor after an amendment is tabled or changes (co-sponsor,
 * revision, withdrawal, decision). Carries no content: fetch the amendments list again.
 */
export interface AmendmentsChangedEvent {
  type: 'amendments.changed';
  documentId: string;
  amendmentId: string;
  clauseId: string;
  change: 'tabled' | 'cosponsored' | 'revised' | 'withdrawn' | 'accepted' | 'rejected';
  actorId: string;
  at: string;
}
