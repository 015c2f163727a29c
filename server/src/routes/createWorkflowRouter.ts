import { Router } from 'express';
import { documentIdParams, workflowBody } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { Conflict, ValidationFailed } from '../errors/ApiError.js';
import { changeWorkflow, locksText } from '../commands/changeWorkflow.js';
import { currentWorkflow } from '../queries/currentWorkflow.js';
import { presentWorkflow } from '../presenters/presentWorkflow.js';
import { validate } from './validate.js';

/**
 * /api/documents/:id/workflow: the document's state (drafting → review → final → published) and
 * text lock. Members read it; coordinators change it (any direction; `published` only by
 * publishing a version).
 */
export function createWorkflowRouter({ logger, collab }: { logger: Logger; collab: CollabControl }): Router {
  const router = Router();

  router.get('/:id/workflow', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    await authorizeDocument(user.id, id, 'read');
    res.json({ workflow: presentWorkflow(await currentWorkflow(id)) });
  });

  router.post('/:id/workflow', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(workflowBody, req.body);
    await authorizeDocument(actor.id, id, 'manage');
    if (body.lockText !== undefined && body.to !== 'review') {
      throw new ValidationFailed([
        { path: 'lockText', message: 'the text lock is chosen in review only (final is always locked)' },
      ]);
    }
    const current = await currentWorkflow(id);
    if (body.from !== undefined && body.from !== current.state) {
      throw new Conflict(`The document is no longer in ${body.from} but in ${current.state}; reload.`);
    }
    if (current.state === body.to && current.textLocked === locksText(body.to, body.lockText)) {
      throw new Conflict(`The document is already in ${body.to}.`);
    }
    const next = await changeWorkflow({ logger, collab, actor }, id, current, body);
    res.json({ workflow: presentWorkflow(next) });
  });

  return router;
}
