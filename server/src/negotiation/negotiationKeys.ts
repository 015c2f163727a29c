/** `_id` of a clause's n-th status record. */
export function clauseStatusKey(documentId: string, clauseId: string, n: number): string {
  return `${documentId}:${clauseId}:${n}`;
}

/** `_id` of an organisation's n-th position record on a clause. */
export function positionKey(documentId: string, clauseId: string, organisationId: string, n: number): string {
  return `${documentId}:${clauseId}:${organisationId}:${n}`;
}
