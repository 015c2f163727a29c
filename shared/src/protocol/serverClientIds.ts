/**
 * The Yjs client ids the server writes under (title following, clause-id and move repair):
 * `from` ≤ id < `to`, below any an editor is likely to draw (editors' ids are random 32-bit
 * numbers). The server refuses content a client sends under one of them (CLIENT_ID_TAKEN), so an
 * editor whose random id falls in the range draws another (editorClientId).
 */
export const SERVER_CLIENT_IDS = { from: 1, to: 1 << 16 } as const;

/** Whether a client may not write under this Yjs client id (the server's range, and 0). */
export function isServerClientId(clientId: number): boolean {
  return clientId < SERVER_CLIENT_IDS.to;
}

/** A random Yjs client id outside the server's range, as Yjs draws them (32-bit). */
export function editorClientId(random: () => number = Math.random): number {
  const span = 2 ** 32 - SERVER_CLIENT_IDS.to;
  return SERVER_CLIENT_IDS.to + Math.floor(random() * span);
}
