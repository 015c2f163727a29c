/**
 * Sent to every connection of the document when a clause's status or an organisation's position
 * changes; clients read the negotiation again (positions are filtered per reader by the API).
 */
export interface NegotiationChangedEvent {
  type: 'negotiation.changed';
  documentId: string;
  clauseId: string;
  what: 'status' | 'position';
}
