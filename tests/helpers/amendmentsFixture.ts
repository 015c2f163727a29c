import type { NewUser } from './api.js';

/** A proposal of plain paragraphs (no heading), as a clause's own wording. */
export function paragraphsProposal(...paragraphs: string[]) {
  return { heading: null, paragraphs: paragraphs.map((text) => (text ? [{ text }] : [])) };
}

/** Tables a replacement of a clause's wording; returns the answer. */
export function tableReplacement(
  user: NewUser,
  documentId: string,
  clauseId: string,
  text: string,
  justification = 'Clearer.',
) {
  return user.api.request('POST', `/api/documents/${documentId}/amendments`, {
    kind: 'replace',
    clauseId,
    proposal: paragraphsProposal(text),
    justification,
  });
}

export function decide(
  user: NewUser,
  documentId: string,
  amendmentId: string,
  body: Record<string, unknown>,
) {
  return user.api.request('POST', `/api/documents/${documentId}/amendments/${amendmentId}/decision`, body);
}

export async function listAmendments(user: NewUser, documentId: string, query = '') {
  const res = await user.api.request('GET', `/api/documents/${documentId}/amendments${query}`);
  if (res.status !== 200) throw new Error(`list: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { amendments: any[]; clauseCounts: Record<string, number>; facets: any };
}
