import { Router } from 'express';
import * as Y from 'yjs';
import { documentIdParams, documentStateQuery } from '@accord/shared';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { validate } from './validate.js';

/** The media type of a Yjs update (V1 encoding); compressResponses compresses it. */
const YJS_UPDATE_TYPE = 'application/vnd.yjs.update';

/**
 * GET /api/documents/:id/state?schema=N: the document's whole Yjs state as one update, for
 * every member. An editor tab with no saved copy loads it before it connects the collaboration
 * socket: over HTTP it is compressed (brotli: about a fifth of the socket's first sync), and the
 * socket then sends only what changed since (the state vectors say what is missing). The socket
 * stays the authority: this is the live room's state when it is open here, else the stored one,
 * and whatever another instance has not stored yet arrives over the socket.
 */
export function createDocumentStateRouter({ collab }: { collab: CollabControl }): Router {
  const router = Router();

  router.get('/:id/state', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    validate(documentStateQuery, req.query);
    await authorizeDocument(user.id, id, 'read');
    const update = await collab.withDocument(id, (doc) => Y.encodeStateAsUpdate(doc));
    res.setHeader('Cache-Control', 'private, no-store');
    res.type(YJS_UPDATE_TYPE).send(Buffer.from(update.buffer, update.byteOffset, update.byteLength));
  });

  return router;
}
