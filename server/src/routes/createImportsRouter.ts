import { Router } from 'express';
import { requireUser } from '../auth/requireUser.js';
import { checkDocxArchive } from '../structure/docx/checkDocxArchive.js';
import type { ImportWorkers } from '../structure/import/ImportWorkers.js';
import { presentImportPreview } from '../presenters/presentImportPreview.js';
import { importFormatOf, readImportUpload } from './readImportUpload.js';

/**
 * /api/imports: POST /preview reads a .docx or Markdown file (the raw request body) and answers
 * the document it would become, with a summary of the detected structure; nothing is stored. The
 * client then creates the document with POST /api/documents { title, content: json }. A .docx is
 * checked here (checkDocxArchive: zip bombs, XML size and element count, in milliseconds); the
 * conversion itself runs in an import worker (ImportWorkers), never on the main thread.
 */
export function createImportsRouter(workers: ImportWorkers): Router {
  const router = Router();

  router.post(
    '/preview',
    (req, _res, next) => {
      // authenticate and check the type before reading up to 10 MiB
      requireUser(req);
      importFormatOf(req.headers['content-type']);
      next();
    },
    readImportUpload,
    async (req, res) => {
      const user = requireUser(req);
      const format = importFormatOf(req.headers['content-type']);
      const file = req.body as Buffer;
      if (format === 'docx') await checkDocxArchive(file);
      // a client that leaves (cancel in the import dialog) gives its worker back
      const gone = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) gone.abort();
      });
      try {
        const result = await workers.convert(user.id, format, file, gone.signal);
        res.json(presentImportPreview(result, format));
      } catch (error) {
        if (!gone.signal.aborted) throw error;
      }
    },
  );

  return router;
}
