import { AnchorResolver, type CreateThreadBody } from '@accord/shared';
import type { CommandContext } from './CommandContext.js';
import type { StoredAnchorRecord } from '../models/Comment.js';
import type { DocumentRecord } from '../models/Document.js';
import { InvalidAnchor } from '../errors/InvalidAnchor.js';
import { checkMentions } from '../queries/checkMentions.js';
import { addComment } from './addComment.js';

/**
 * Opens a thread: checks the anchor against the document's current text (the clause must exist;
 * a range must lie inside it), snapshots where the clause stands, then adds its first comment
 * (addComment: stored, notified, recorded, broadcast). Who may open a team-only thread is
 * decided before (authorizeNewThread).
 */
export async function createThread(
  ctx: CommandContext,
  document: DocumentRecord,
  input: CreateThreadBody,
): Promise<string> {
  const visibility = input.visibility ?? 'all';
  const documentId = document._id.toHexString();
  const mentioned = await checkMentions(documentId, input.body);
  const anchor = input.anchor;
  const clause = await checkAnchor(ctx, document, anchor);
  const storedAnchor: StoredAnchorRecord = {
    kind: anchor.kind,
    clauseId: anchor.clauseId,
    start: anchor.kind === 'range' ? Buffer.from(anchor.start, 'base64') : null,
    end: anchor.kind === 'range' ? Buffer.from(anchor.end, 'base64') : null,
    follow: anchor.kind === 'range' ? (anchor.follow ?? null) : null,
    // the text the author saw and commented on (if the server's copy already differs, the
    // comment shows as edited at once, which is the truth)
    quote: anchor.kind === 'range' ? anchor.quote : null,
    clause: { ...clause },
    versionNumber: null,
  };

  return addComment(ctx, {
    documentId: document._id,
    parentId: null,
    anchor: storedAnchor,
    audience: { visibility, authorId: ctx.actor.id },
    body: input.body,
    mentioned,
    auditData: { clauseId: anchor.clauseId, kind: anchor.kind, visibility },
  });
}

/** How long a range whose text the server does not have yet may take to arrive. */
const PENDING_WAIT_MS = 1_000;

/**
 * The clause snapshot of a valid anchor. A range whose positions the server does not know yet
 * (the author's own edits still on their way) is checked again for up to a second, then refused.
 */
async function checkAnchor(
  ctx: CommandContext,
  document: DocumentRecord,
  anchor: CreateThreadBody['anchor'],
) {
  const documentId = document._id.toHexString();
  const deadline = Date.now() + PENDING_WAIT_MS;
  for (;;) {
    const result = await ctx.collab.withDocument(documentId, (doc) => {
      const resolver = new AnchorResolver(doc, document.language);
      const snapshot = resolver.snapshot(anchor.clauseId);
      if (!snapshot) throw new InvalidAnchor('The document has no clause with this id.');
      if (anchor.kind === 'clause') return snapshot;
      const check = resolver.checkRange(anchor.clauseId, anchor.start, anchor.end);
      if (check === 'outside') throw new InvalidAnchor('The range does not lie inside the clause.');
      if (check === 'empty') throw new InvalidAnchor('The range encloses no text.');
      if (check === 'malformed') throw new InvalidAnchor('The range positions cannot be read.');
      return check === 'ok' ? snapshot : null;
    });
    if (result) return result;
    if (Date.now() >= deadline) throw new InvalidAnchor('The range is not in the document.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
