import { Router } from 'express';
import { requireUser } from '../auth/requireUser.js';
import { importDocx } from '../structure/importDocx.js';
import { importMarkdownFile } from '../structure/importMarkdownFile.js';
import { presentImportPreview } from '../presenters/presentImportPreview.js';
import { importFormatOf, readImportUpload } from './readImportUpload.js';

/**
 * /api/imports: POST /preview reads a .docx or Markdown file (the raw request body) and answers
 * the document it would become, with a summary of the detected structure; nothing is stored. The
 * client then creates the document with POST /api/documents { title, content: json }.
 */
export function createImportsRouter(): Router {
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
      const format = importFormatOf(req.headers['content-type']);
      const file = req.body as Buffer;
      const result = format === 'docx' ? await importDocx(file) : importMarkdownFile(file);
      res.json(presentImportPreview(result, format));
    },
  );

  return router;
}
