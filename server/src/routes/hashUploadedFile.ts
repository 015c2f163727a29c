import { createHash } from 'node:crypto';
import type { Request } from 'express';
import busboy from 'busboy';
import { ValidationFailed } from '../errors/ApiError.js';
import { UploadTooLarge } from '../errors/UploadTooLarge.js';

/** Larger than any export of a long document (a 200-article PDF is well under 1 MiB). */
export const VERIFY_UPLOAD_BYTES = 20 * 1024 * 1024;

const noFile = () =>
  new ValidationFailed([
    { path: 'file', message: 'send the file as multipart/form-data, in the field "file"' },
  ]);

/**
 * The SHA-256 (hex) of the file a multipart/form-data request carries in its field `file`,
 * streamed (never held in memory). 400 when there is no such file (or the body is not
 * multipart), 413 upload_too_large beyond `limitBytes`: in both cases after the whole body was
 * read off, so the client sees the answer rather than a reset connection. Other fields and files
 * are read and ignored.
 */
export function hashUploadedFile(req: Request, limitBytes = VERIFY_UPLOAD_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: limitBytes, files: 1, fields: 20, parts: 21 },
      });
    } catch {
      // not multipart (or no boundary): drain the body (unless express.json read it), then answer
      if (req.readableEnded) return reject(noFile());
      req.resume();
      req.once('end', () => reject(noFile()));
      req.once('error', () => reject(noFile()));
      return;
    }
    let digest: string | null = null;
    let bytes = 0;
    let named = false;
    let tooLarge = false;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        return;
      }
      named = info.filename !== undefined && info.filename !== '';
      const hash = createHash('sha256');
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
      });
      stream.on('limit', () => {
        tooLarge = true;
      });
      stream.on('end', () => {
        digest = hash.digest('hex');
      });
    });
    parser.on('close', () => {
      if (tooLarge) reject(new UploadTooLarge(limitBytes));
      // a browser form submitted without choosing a file sends an empty part without a name
      else if (digest === null || (!named && bytes === 0)) reject(noFile());
      else resolve(digest);
    });
    parser.on('error', () => {
      req.unpipe(parser);
      req.resume();
      reject(noFile());
    });
    req.pipe(parser);
  });
}
