import { Router } from 'express';
import { documentIdParams, publicationExportQuery, publicationParams, publishBody } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument, authorizePublication } from '../permissions/index.js';
import { NotFound } from '../errors/ApiError.js';
import { publishVersion } from '../commands/publishVersion.js';
import { findVersion } from '../queries/versions.js';
import { formatWithHash, listPublications } from '../queries/publications.js';
import { publishedExport } from '../queries/publishedExport.js';
import { presentPublication } from '../presenters/presentPublication.js';
import { assertSignedOff } from '../signoff/assertSignedOff.js';
import { publicationSignoff } from '../signoff/publicationSignoff.js';
import { hashUploadedFile } from './hashUploadedFile.js';
import { sendExport } from './sendExport.js';
import { validate } from './validate.js';

/**
 * Publications (mounted on /api): coordinators publish a frozen version; members list and read a
 * document's publications, and so does anyone while the document is public (authorizePublication);
 * exports are re-rendered and served only when byte-identical to the published file; anyone who
 * may read a publication can verify a file against it. No route changes or deletes one.
 */
export function createPublicationsRouter({
  logger,
  collab,
  publicUrl,
}: {
  logger: Logger;
  collab: CollabControl;
  publicUrl: string | undefined;
}): Router {
  const router = Router();

  router.post('/documents/:id/publications', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(publishBody, req.body);
    const { document } = await authorizeDocument(actor.id, id, 'manage');
    const version = await findVersion(id, body.version);
    if (!version) throw new NotFound(`This document has no version ${body.version}.`);
    await assertSignedOff({ logger, collab, actor }, id, version.number, body.overrideReason);
    const publication = await publishVersion({ logger, collab, actor }, document, version, body.release);
    res.status(201).json({
      publication: {
        ...presentPublication(publication, { publicUrl, documentPublic: document.public }),
        signoff: await publicationSignoff(publication),
      },
    });
  });

  router.get('/documents/:id/publications', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const { document } = await authorizeDocument(user.id, id, 'read');
    const publications = await listPublications(id);
    res.json({
      publications: await Promise.all(
        publications.map(async (p) => ({
          ...presentPublication(p, { publicUrl, documentPublic: document.public }),
          signoff: await publicationSignoff(p),
        })),
      ),
    });
  });

  router.get('/publications/:id', async (req, res) => {
    const { id } = validate(publicationParams, req.params);
    const { publication, document } = await authorizePublication(req.user?.id ?? null, id);
    res.json({
      publication: {
        ...presentPublication(publication, { publicUrl, documentPublic: document.public }),
        signoff: await publicationSignoff(publication),
      },
    });
  });

  router.get('/publications/:id/export', async (req, res) => {
    const { id } = validate(publicationParams, req.params);
    const { format } = validate(publicationExportQuery, req.query);
    const { publication, document } = await authorizePublication(req.user?.id ?? null, id);
    const file = await publishedExport(logger, publication, format);
    sendExport(res, file, document.title, `publication-${publication.number}`);
  });

  router.post('/publications/:id/verify', async (req, res) => {
    const { id } = validate(publicationParams, req.params);
    const { publication } = await authorizePublication(req.user?.id ?? null, id);
    const format = formatWithHash(publication, await hashUploadedFile(req));
    res.json(format ? { match: true, format } : { match: false });
  });

  return router;
}
