import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { editorClientId, policySchema, type ImportPreview } from '@accord/shared';
import { InvalidContent } from '../errors/InvalidContent.js';

/** ProseMirror JSON of a whole document. */
type JSONContent = ImportPreview['json'];

/** The Yjs field Tiptap's Collaboration extension edits. */
export const EDITOR_FIELD = 'default';

/**
 * The first Yjs state of a document: `json` written into the XmlFragment `default` exactly as the
 * editor's binding (y-tiptap) writes it, encoded as one update. Stored before the document is
 * handed out, so collaborators all start from this state instead of each creating a title.
 */
export function encodeInitialState(json: JSONContent): Uint8Array {
  const doc = new Y.Doc();
  // the creator's id from then on (storeInitialState): never one of the server's
  doc.clientID = editorClientId();
  try {
    try {
      prosemirrorJSONToYXmlFragment(policySchema, json, doc.getXmlFragment(EDITOR_FIELD));
    } catch (error) {
      // ProseMirror refuses what validateDocument cannot see (e.g. a malformed mark)
      throw new InvalidContent(`The content does not fit the document schema: ${(error as Error).message}`);
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
