import type { PresentedVersion } from '@accord/shared';
import type { VersionSummary } from '../queries/versions.js';
import { presentedName } from '../queries/formerMembers.js';

/** A version as lists and answers show it (its state and rendering are read through other routes). */
export function presentVersion(version: VersionSummary): PresentedVersion {
  return {
    number: version.number,
    name: version.name,
    note: version.note,
    hash: version.hash,
    changes: { ...version.changes },
    author: { id: version.authorId.toHexString(), name: presentedName(version.authorId, version.authorName) },
    createdAt: version.createdAt.toISOString(),
  };
}
