import type { VersionChanges } from '../models/Version.js';
import type { VersionSummary } from '../queries/versions.js';

export interface PresentedVersion {
  number: number;
  name: string;
  note: string | null;
  hash: string;
  changes: VersionChanges;
  author: { id: string; name: string };
  createdAt: string;
}

/** A version as lists and answers show it (its state and rendering are read through other routes). */
export function presentVersion(version: VersionSummary): PresentedVersion {
  return {
    number: version.number,
    name: version.name,
    note: version.note,
    hash: version.hash,
    changes: { ...version.changes },
    author: { id: version.authorId.toHexString(), name: version.authorName },
    createdAt: version.createdAt.toISOString(),
  };
}
