import type { PresentedPublicationSignoff } from '@accord/shared';
import type { PublicationRecord } from '../models/Publication.js';
import { signoffState } from '../queries/signoffState.js';
import { presentPublicationSignoff } from '../presenters/presentSignoff.js';

/** The sign-off a publication shows (endorsing organisations with dates, override), or null. */
export async function publicationSignoff(
  publication: PublicationRecord,
): Promise<PresentedPublicationSignoff | null> {
  const state = await signoffState(publication.documentId.toHexString(), publication.versionNumber);
  return presentPublicationSignoff(state, publication);
}
