/** `_id` of a version's sign-off round. */
export function signoffRoundKey(documentId: string, versionNumber: number): string {
  return `${documentId}:${versionNumber}`;
}

/** `_id` of an organisation's n-th decision in a round. */
export function endorsementKey(roundId: string, organisationId: string, n: number): string {
  return `${roundId}:${organisationId}:${n}`;
}

/** `_id` of a round's n-th override. */
export function signoffOverrideKey(roundId: string, n: number): string {
  return `${roundId}:${n}`;
}
