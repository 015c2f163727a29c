import { Node } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import { policySchema } from '@accord/shared';
import type { VersionRecord } from '../models/Version.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';
import { versionCanonical } from '../queries/versions.js';
import { assertTextUnlocked } from '../queries/assertTextUnlocked.js';
import { VersionNotRestorable } from '../errors/VersionNotRestorable.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Makes a version's text the live text again, as a new change through the room: open editors see
 * it at once, the stored history keeps everything before it (nothing stored is rewritten), and the
 * change touches only what differs (y-tiptap's updateYFragment), so clause ids and comment anchors
 * on unchanged clauses stay as they are.
 */
export async function restoreVersion(ctx: CommandContext, version: VersionRecord): Promise<void> {
  const documentId = version.documentId.toHexString();
  await assertTextUnlocked(documentId);
  let node: Node;
  try {
    node = Node.fromJSON(policySchema, versionCanonical(version).tree);
    node.check();
  } catch {
    throw new VersionNotRestorable();
  }
  await ctx.collab.changeDocument(documentId, (doc) => {
    prosemirrorToYXmlFragment(node, doc.getXmlFragment(EDITOR_FIELD));
  });
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'version.restored',
    documentId,
    data: { restoredFrom: version.number },
  });
}
