import type { ClauseKind, StoredAnchor } from '@accord/shared';
import type { StoredAnchorRecord } from '../models/Comment.js';

/** The database form of an anchor (positions as binary) → the API/shared form (base64). */
export function toStoredAnchor(record: StoredAnchorRecord): StoredAnchor {
  return {
    kind: record.kind,
    clauseId: record.clauseId,
    start: base64(record.start),
    end: base64(record.end),
    follow: record.follow ?? null,
    quote: record.quote ?? null,
    clause: {
      kind: (record.clause?.kind ?? null) as ClauseKind | null,
      number: record.clause?.number ?? null,
      label: record.clause?.label ?? null,
      path: record.clause?.path ?? null,
      parentId: record.clause?.parentId ?? null,
      index: record.clause?.index ?? 0,
    },
    versionNumber: record.versionNumber ?? null,
  };
}

function base64(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  // lean() reads Buffer paths as BSON Binary
  const binary = value as { buffer?: Uint8Array };
  if (binary.buffer instanceof Uint8Array) return Buffer.from(binary.buffer).toString('base64');
  return null;
}
