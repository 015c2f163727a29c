import { abilitiesFor, type Abilities, type Role } from '@accord/shared';
import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import { Forbidden, NotFound } from '../errors/ApiError.js';
import { roleOn } from './roleOn.js';
import { isObjectIdString } from '../database/isObjectIdString.js';

export interface AuthorizedDocument {
  document: DocumentRecord;
  role: Role;
  abilities: Abilities;
}

/**
 * Loads the document and checks that the user may do `ability` on it. The one gate for REST routes
 * and for the collaboration socket's upgrade.
 *
 * - 404 NotFound when the document does not exist OR the user is not a member: a non-member must
 *   not learn that a (possibly sensitive) draft exists;
 * - 403 Forbidden when the user is a member whose role lacks the ability.
 */
export async function authorizeDocument(
  userId: string,
  documentId: string,
  ability: keyof Abilities,
): Promise<AuthorizedDocument> {
  if (!isObjectIdString(documentId)) throw new NotFound('No such document.');
  const [document, role] = await Promise.all([
    DocumentModel.findById(documentId).lean(),
    roleOn(userId, documentId),
  ]);
  if (!document || !role) throw new NotFound('No such document.');
  const abilities = abilitiesFor(role);
  if (!abilities[ability]) throw new Forbidden(`Your role (${role}) does not allow this.`);
  return { document, role, abilities };
}
