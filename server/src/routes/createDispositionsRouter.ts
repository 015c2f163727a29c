import { Router } from 'express';
import { documentIdParams, dispositionReportQuery } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { CanonicalCache } from '../structure/CanonicalCache.js';
import { dispositionReport } from '../queries/dispositionReport.js';
import { renderDispositionReport } from '../exports/dispositions/renderDispositionReport.js';
import { sendExport } from './sendExport.js';
import { validate } from './validate.js';

/**
 * GET /api/documents/:id/dispositions?version=<number|live>&format=html|csv|docx — the
 * disposition-of-comments report, for members (each sees the threads they may see). Dispositions
 * are recorded on threads: POST /api/comments/:id/disposition (createCommentsRouter).
 */
export function createDispositionsRouter({
  logger,
  collab,
}: {
  logger: Logger;
  collab: CollabControl;
}): Router {
  const router = Router();
  const reading = { logger, collab, cache: new CanonicalCache() };

  router.get('/:id/dispositions', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const query = validate(dispositionReportQuery, req.query);
    const { document, role } = await authorizeDocument(user.id, id, 'read');
    const report = await dispositionReport(reading, document, { userId: user.id, role }, query.version);
    const file = await renderDispositionReport(query.format, report);
    const version = query.version === 'live' ? 'live' : `v${query.version}`;
    sendExport(res, file, document.title, `${version}-dispositions`);
  });

  return router;
}
