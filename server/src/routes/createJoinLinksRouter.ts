import { Router } from 'express';
import {
  documentIdParams,
  documentJoinLinkParams,
  joinLinkCreateBody,
  joinLinkTokenBody,
  type CreatedJoinLinkResponse,
  type PresentedJoinLinkTarget,
} from '@accord/shared';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import type { LimiterFactory, WindowLimiter } from '../security/WindowLimiter.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { RateLimited } from '../errors/ApiError.js';
import { createJoinLink } from '../commands/createJoinLink.js';
import { revokeJoinLink } from '../commands/revokeJoinLink.js';
import { joinByLink } from '../commands/joinByLink.js';
import { activeJoinLinks } from '../queries/activeJoinLinks.js';
import { findJoinLinkByToken } from '../queries/findJoinLinkByToken.js';
import { currentWorkflow } from '../queries/currentWorkflow.js';
import { DocumentModel } from '../models/Document.js';
import { presentJoinLink } from '../presenters/presentJoinLink.js';
import { presentDocument } from '../presenters/presentDocument.js';
import { validate } from './validate.js';

export interface JoinLinksRouterDeps {
  env: Pick<Env, 'joinLinks'>;
  logger: Logger;
  collab: CollabControl;
  limiters: LimiterFactory;
}

/**
 * Shareable join links (issue 17), mounted at /api:
 * - GET /documents/:id/join-links (coordinators): the active links (neither revoked nor expired);
 * - POST /documents/:id/join-links {role, expiresInDays}: 201 {link, token}; the token (the link is
 *   `/join#<token>`) is in this answer only, its SHA-256 is what is stored;
 * - DELETE /documents/:id/join-links/:linkId: 204, the link stops working;
 * - POST /join-links/lookup {token}: the document's title and the role, signed in or not (so the
 *   page can offer to register first); 404 join_link_unknown, 410 join_link_revoked/expired;
 * - POST /join-links/join {token} (signed in): joins with the link's role (never lowers one) and
 *   answers the document. Lookups and joins are rate-limited per client IP, joins per account.
 */
export function createJoinLinksRouter({ env, logger, collab, limiters }: JoinLinksRouterDeps): Router {
  const router = Router();
  const { maxPerUser, maxPerIp, windowMs } = env.joinLinks;
  const perIp = limiters('join-link-ip', { maxAttempts: maxPerIp, windowMs });
  const perUser = limiters('join-link-user', { maxAttempts: maxPerUser, windowMs });
  const limit = async (limiter: WindowLimiter, key: string) => {
    const verdict = await limiter.attempt(key);
    if (!verdict.allowed) throw new RateLimited(verdict.retryAfterMs / 1000);
  };

  router.get('/documents/:id/join-links', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    await authorizeDocument(actor.id, id, 'manage');
    const links = await activeJoinLinks(id);
    res.json({ links: links.map(({ link, creatorName }) => presentJoinLink(link, creatorName)) });
  });

  router.post('/documents/:id/join-links', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(joinLinkCreateBody, req.body);
    await authorizeDocument(actor.id, id, 'manage');
    const { link, token } = await createJoinLink({ logger, collab, actor }, id, body);
    const answer: CreatedJoinLinkResponse = { link: presentJoinLink(link, actor.name), token };
    res.status(201).json(answer);
  });

  router.delete('/documents/:id/join-links/:linkId', async (req, res) => {
    const actor = requireUser(req);
    const params = validate(documentJoinLinkParams, req.params);
    await authorizeDocument(actor.id, params.id, 'manage');
    await revokeJoinLink({ logger, collab, actor }, params.id, params.linkId);
    res.status(204).end();
  });

  router.post('/join-links/lookup', async (req, res) => {
    const { token } = validate(joinLinkTokenBody, req.body);
    await limit(perIp, req.ip ?? 'unknown');
    const link = await findJoinLinkByToken(token);
    const document = await DocumentModel.findById(link.documentId, { title: 1 }).lean();
    const target: PresentedJoinLinkTarget = {
      role: link.role,
      document: { id: link.documentId.toHexString(), title: document?.title ?? '' },
      expiresAt: link.expiresAt.toISOString(),
    };
    res.json({ target });
  });

  router.post('/join-links/join', async (req, res) => {
    const actor = requireUser(req);
    const { token } = validate(joinLinkTokenBody, req.body);
    await limit(perIp, req.ip ?? 'unknown');
    await limit(perUser, actor.id);
    const link = await findJoinLinkByToken(token);
    const { documentId, changed } = await joinByLink({ logger, collab, actor }, link);
    const { document, role } = await authorizeDocument(actor.id, documentId, 'read');
    res.json({ document: presentDocument(document, role, await currentWorkflow(documentId)), changed });
  });

  return router;
}
