import { Router } from 'express';
import {
  type ComparisonAnswer,
  compareDocuments,
  compareQuery,
  confirmProposalBody,
  createVersionBody,
  documentIdParams,
  exportQuery,
  proposalParams,
  versionParams,
} from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { NotFound } from '../errors/ApiError.js';
import { CanonicalCache } from '../structure/CanonicalCache.js';
import { freezeVersion } from '../commands/freezeVersion.js';
import { restoreVersion } from '../commands/restoreVersion.js';
import { proposeVersion } from '../commands/proposeVersion.js';
import { confirmProposal, dismissProposal } from '../commands/resolveProposal.js';
import { findVersion, listVersions, versionCanonical } from '../queries/versions.js';
import { listProposals } from '../queries/listProposals.js';
import { canonicalOf, exportInputFor } from '../queries/exportSource.js';
import { changeAuthors } from '../queries/changeAuthors.js';
import { presentVersion } from '../presenters/presentVersion.js';
import { presentProposal } from '../presenters/presentProposal.js';
import { presentContent } from '../presenters/presentContent.js';
import { exportDocument } from '../exports/exportDocument.js';
import { sendExport } from './sendExport.js';
import { validate } from './validate.js';

/**
 * Versions of a document: freeze, proposals to freeze, list, read, restore; the clause-aware
 * comparison of any two of them (or the live text); exports of the live text or of a version.
 * Members read; coordinators freeze, answer proposals and restore; reviewers and drafters propose.
 */
export function createVersionsRouter({ logger, collab }: { logger: Logger; collab: CollabControl }): Router {
  const router = Router();
  const cache = new CanonicalCache();
  const reading = { logger, collab, cache };

  router.post('/:id/versions', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(createVersionBody, req.body);
    const { document } = await authorizeDocument(actor.id, id, 'manage');
    const version = await freezeVersion({ logger, collab, actor }, document, body);
    res.status(201).json({ version: presentVersion(version) });
  });

  router.get('/:id/versions', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    await authorizeDocument(user.id, id, 'read');
    const versions = await listVersions(id);
    res.json({ versions: versions.map(presentVersion) });
  });

  router.get('/:id/versions/:number', async (req, res) => {
    const user = requireUser(req);
    const { id, number } = validate(versionParams, req.params);
    const { abilities } = await authorizeDocument(user.id, id, 'read');
    const version = await findVersion(id, number);
    if (!version) throw new NotFound(`This document has no version ${number}.`);
    res.json({
      version: presentVersion(version),
      content: presentContent(versionCanonical(version), abilities),
    });
  });

  router.post('/:id/versions/:number/restore', async (req, res) => {
    const actor = requireUser(req);
    const { id, number } = validate(versionParams, req.params);
    await authorizeDocument(actor.id, id, 'manage');
    const version = await findVersion(id, number);
    if (!version) throw new NotFound(`This document has no version ${number}.`);
    await restoreVersion({ logger, collab, actor }, version);
    res.json({ restoredFrom: number });
  });

  router.post('/:id/version-proposals', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(createVersionBody, req.body);
    await authorizeDocument(actor.id, id, 'comment');
    const proposal = await proposeVersion({ logger, collab, actor }, id, body);
    res.status(201).json({ proposal: presentProposal(proposal, null) });
  });

  router.get('/:id/version-proposals', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    await authorizeDocument(user.id, id, 'read');
    const proposals = await listProposals(id);
    res.json({
      proposals: proposals.map(({ proposal, resolution }) => presentProposal(proposal, resolution)),
    });
  });

  router.post('/:id/version-proposals/:proposalId/confirm', async (req, res) => {
    const actor = requireUser(req);
    const { id, proposalId } = validate(proposalParams, req.params);
    const body = validate(confirmProposalBody, req.body ?? {});
    const { document } = await authorizeDocument(actor.id, id, 'manage');
    const version = await confirmProposal({ logger, collab, actor }, document, proposalId, body);
    res.status(201).json({ version: presentVersion(version) });
  });

  router.post('/:id/version-proposals/:proposalId/dismiss', async (req, res) => {
    const actor = requireUser(req);
    const { id, proposalId } = validate(proposalParams, req.params);
    await authorizeDocument(actor.id, id, 'manage');
    await dismissProposal({ logger, collab, actor }, id, proposalId);
    res.status(204).end();
  });

  router.get('/:id/compare', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const query = validate(compareQuery, req.query);
    const { document } = await authorizeDocument(user.id, id, 'read');
    const [from, to, authors] = await Promise.all([
      canonicalOf(reading, document, query.from),
      canonicalOf(reading, document, query.to),
      changeAuthors(collab, id, query.from, query.to),
    ]);
    const answer: ComparisonAnswer = {
      from: { version: query.from, hash: from.hash },
      to: { version: query.to, hash: to.hash },
      ...compareDocuments(from.canonical, to.canonical),
      authors,
    };
    res.json(answer);
  });

  router.get('/:id/export', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const query = validate(exportQuery, req.query);
    const { document } = await authorizeDocument(user.id, id, 'read');
    const input = await exportInputFor(reading, document, query.version);
    const file = await exportDocument(query.format, input);
    sendExport(res, file, document.title, query.version === 'live' ? 'live' : `v${query.version}`);
  });

  return router;
}
