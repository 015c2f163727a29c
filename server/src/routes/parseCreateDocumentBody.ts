import express, { type RequestHandler } from 'express';
import { Limits } from '@accord/shared';
import { PayloadTooLarge } from '../errors/ApiError.js';

const parse = express.json({ limit: Limits.documentContentBytes, strict: true });

/**
 * The JSON body of POST /api/documents, which may carry a whole imported document (`content`):
 * up to Limits.documentContentBytes instead of the API's usual Limits.jsonBodyBytes. Mounted for
 * that one route, before the API's own JSON parser (which then finds the body read).
 */
export const parseCreateDocumentBody: RequestHandler = (req, res, next) => {
  parse(req, res, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
      return next(new PayloadTooLarge(Limits.documentContentBytes));
    }
    next(error);
  });
};
