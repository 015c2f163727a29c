import { Router, type ErrorRequestHandler } from 'express';
import { publicationExportQuery, publicationParams } from '@accord/shared';
import type { Logger } from '../logger.js';
import { authorizePublicPage } from '../permissions/index.js';
import { InternalError } from '../errors/ApiError.js';
import { toApiError } from '../errors/toApiError.js';
import type { PublicationRecord } from '../models/Publication.js';
import { findVersion, versionCanonical } from '../queries/versions.js';
import { formatWithHash } from '../queries/publications.js';
import { publishedExport } from '../queries/publishedExport.js';
import { renderPublicPage } from '../publicPages/renderPublicPage.js';
import { renderEndorsements } from '../signoff/renderEndorsements.js';
import { publicationSignoff } from '../signoff/publicationSignoff.js';
import { renderVerifyResultPage } from '../publicPages/renderVerifyResultPage.js';
import { renderPublicErrorPage } from '../publicPages/renderPublicErrorPage.js';
import { hashUploadedFile } from './hashUploadedFile.js';
import { sendExport } from './sendExport.js';
import { validate } from './validate.js';

/**
 * The public pages of publications (mounted on /p, outside /api, no session): the page itself,
 * its downloads and its verify form, rendered on the server without any script. Each answers 404
 * unless the publication's document is public (authorizePublicPage); errors are small HTML pages.
 */
export function createPublicPagesRouter({ logger }: { logger: Logger }): Router {
  const router = Router();

  /** The published text's title and language (the version's, not the document's as it is now). */
  async function publishedText(publication: PublicationRecord) {
    const version = await findVersion(publication.documentId.toHexString(), publication.versionNumber);
    if (!version) throw new InternalError();
    const { title, language } = versionCanonical(version);
    return { title, language };
  }

  router.get('/:id', async (req, res) => {
    const { id } = validate(publicationParams, req.params);
    const { publication } = await authorizePublicPage(id);
    const [text, html, signoff] = await Promise.all([
      publishedText(publication),
      publishedExport(logger, publication, 'html'),
      publicationSignoff(publication),
    ]);
    const endorsementsHtml = renderEndorsements(signoff, text.language);
    res
      .status(200)
      .type('html')
      .set('Cache-Control', 'no-cache')
      .send(
        renderPublicPage({ publication, ...text, exportHtml: html.body.toString('utf8'), endorsementsHtml }),
      );
  });

  router.get('/:id/download/:format', async (req, res) => {
    const { id } = validate(publicationParams, { id: req.params.id });
    const { format } = validate(publicationExportQuery, { format: req.params.format });
    const { publication, document } = await authorizePublicPage(id);
    const file = await publishedExport(logger, publication, format);
    sendExport(res, file, document.title, `publication-${publication.number}`);
  });

  router.post('/:id/verify', async (req, res) => {
    const { id } = validate(publicationParams, req.params);
    const { publication } = await authorizePublicPage(id);
    const hash = await hashUploadedFile(req);
    const text = await publishedText(publication);
    res
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(
        renderVerifyResultPage({ publication, ...text, hash, format: formatWithHash(publication, hash) }),
      );
  });

  const htmlErrors: ErrorRequestHandler = (error, _req, res, next) => {
    const known = toApiError(error);
    if (!known || known.status >= 500) return next(error);
    res
      .status(known.status)
      .type('html')
      .set(known.headers)
      .send(renderPublicErrorPage(known.status, known.message));
  };
  router.use(htmlErrors);

  return router;
}
