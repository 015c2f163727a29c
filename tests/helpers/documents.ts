import { expect } from 'vitest';
import type { Role } from '@accord/shared';
import type { NewUser } from './api.js';
import { addMember } from './members.js';

/** A document created by `coordinator` (201, or the test fails), with `members` invited and accepted in their roles. */
export async function createDocumentWithMembers(
  coordinator: NewUser,
  body: Record<string, unknown>,
  members: readonly (readonly [NewUser, Role])[],
): Promise<string> {
  const created = await coordinator.api.request('POST', '/api/documents', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const documentId = created.body.document.id as string;
  for (const [user, role] of members) {
    await addMember(coordinator.api, documentId, user, role);
  }
  return documentId;
}

/** A version frozen by `coordinator` (201, or the test fails). */
export async function freezeVersion(
  coordinator: NewUser,
  documentId: string,
  name: string,
): Promise<{ number: number; hash: string; changes: Record<string, number> }> {
  const res = await coordinator.api.request('POST', `/api/documents/${documentId}/versions`, { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.version;
}

/** An agreement's Markdown: a preamble, then `articles` articles of one numbered paragraph each. */
export function agreementMarkdown(title: string, articles: number): string {
  const lines = [`# ${title}`, '', 'The Parties,', '', 'Have agreed as follows:'];
  for (let n = 1; n <= articles; n++) {
    lines.push('', `Article ${n} — Heading ${n}`, '', `1. Each Party shall do thing ${n} & more.`);
  }
  return lines.join('\n');
}
