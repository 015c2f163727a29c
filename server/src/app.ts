import express, { type Express } from 'express';
import mongoose from 'mongoose';
import { IMPORT_CONTENT_TYPES, Limits } from '@accord/shared';
import type { Env } from './env.js';
import type { Logger } from './logger.js';
import type { CollabControl } from './collab/CollabControl.js';
import type { SessionMiddleware } from './auth/createSessionMiddleware.js';
import { createPassport } from './auth/createPassport.js';
import { createHelmet } from './security/createHelmet.js';
import { guardStateChanges } from './security/guardStateChanges.js';
import { createHealthRouter } from './routes/createHealthRouter.js';
import { createAuthRouter } from './routes/createAuthRouter.js';
import { createDocumentsRouter } from './routes/createDocumentsRouter.js';
import { createMembersRouter } from './routes/createMembersRouter.js';
import { createDocumentInvitationsRouter } from './routes/createDocumentInvitationsRouter.js';
import { createInvitationsRouter } from './routes/createInvitationsRouter.js';
import { createInvitationLinksRouter } from './routes/createInvitationLinksRouter.js';
import { createJoinLinksRouter } from './routes/createJoinLinksRouter.js';
import { createDocumentCommentsRouter } from './routes/createDocumentCommentsRouter.js';
import { createCommentsRouter } from './routes/createCommentsRouter.js';
import { createNotificationsRouter } from './routes/createNotificationsRouter.js';
import { createDocumentStructureRouter } from './routes/createDocumentStructureRouter.js';
import { createDocumentStateRouter } from './routes/createDocumentStateRouter.js';
import { createImportsRouter } from './routes/createImportsRouter.js';
import { createVersionsRouter } from './routes/createVersionsRouter.js';
import { createDispositionsRouter } from './routes/createDispositionsRouter.js';
import { createWorkflowRouter } from './routes/createWorkflowRouter.js';
import { createNegotiationRouter } from './routes/createNegotiationRouter.js';
import { createSignoffRouter } from './routes/createSignoffRouter.js';
import { createAmendmentsRouter } from './routes/createAmendmentsRouter.js';
import { createPublicationsRouter } from './routes/createPublicationsRouter.js';
import { createPublicPagesRouter } from './routes/createPublicPagesRouter.js';
import { parseCreateDocumentBody } from './routes/parseCreateDocumentBody.js';
import { serveClient } from './static/serveClient.js';
import { compressResponses } from './compression/compressResponses.js';
import { createErrorHandler } from './errors/createErrorHandler.js';
import { NotFound } from './errors/ApiError.js';
import { CommentFloodLimiter } from './comments/CommentFloodLimiter.js';
import type { LimiterFactory } from './security/WindowLimiter.js';
import { ImportWorkers } from './structure/import/ImportWorkers.js';
import type { Mailer } from './mail/Mailer.js';
import { createDevMailRouter } from './routes/createDevMailRouter.js';
import { createAccountRouter } from './routes/createAccountRouter.js';
import { createDocumentManagementRouter } from './routes/createDocumentManagementRouter.js';
import { createSearchRouter } from './routes/createSearchRouter.js';
import { TextSearchEngine } from './search/TextSearchEngine.js';
import { createUserEventsRouter } from './routes/createUserEventsRouter.js';
import type { UserStreams } from './events/UserStreams.js';
import { PasswordHashingGate } from './auth/PasswordHashingGate.js';

export interface AppDeps {
  env: Env;
  logger: Logger;
  sessionMiddleware: SessionMiddleware;
  collab: CollabControl;
  mailer: Mailer;
  /** rate limits: in memory, or shared by every instance through Redis */
  limiters: LimiterFactory;
  /** the users' live channels (GET /api/events) */
  userStreams: UserStreams;
}

/** The HTTP application: REST API under /api, the built client everywhere else. */
export function createApp({
  env,
  logger,
  sessionMiddleware,
  collab,
  mailer,
  limiters,
  userStreams,
}: AppDeps): Express {
  const app = express();
  // believe X-Forwarded-For/-Proto only from the configured proxies' addresses: a client reaching
  // the server directly cannot choose its IP (the login limits key on it) or its scheme
  app.set('trust proxy', env.trustProxy === false ? false : [...env.trustProxy]);
  if (env.secureCookies && !env.trustProxy) {
    // express-session only sends a Secure cookie over a connection it knows is https
    logger.warn(
      'PUBLIC_URL is https but TRUST_PROXY is off: behind a TLS proxy, sign-in cookies will not be set',
    );
  }
  app.disable('x-powered-by');
  app.use(createHelmet(env));
  if (env.compressMinBytes > 0) app.use(compressResponses(env.compressMinBytes));

  const api = express.Router();
  // before the session: health checks must answer even when the session store cannot
  api.use(
    '/health',
    createHealthRouter(mongoose.connection, () => collab.redisStatus()),
  );
  api.use(
    guardStateChanges(env.allowedOrigins, {
      '/imports/preview': [...IMPORT_CONTENT_TYPES.docx, ...IMPORT_CONTENT_TYPES.markdown],
      '/publications/:id/verify': ['multipart/form-data'],
    }),
  );
  api.post('/documents', parseCreateDocumentBody);
  api.use(express.json({ limit: Limits.jsonBodyBytes, strict: true }));
  const passport = createPassport(env.scryptCost);
  api.use(sessionMiddleware, passport.initialize(), passport.session());
  // one gate for every password hash (logins, registrations, resets, password changes)
  const hashing = new PasswordHashingGate({
    concurrency: env.passwordHashing.concurrency,
    queue: env.passwordHashing.queue,
    perClient: env.passwordHashing.perIp,
  });
  api.use(
    '/auth',
    createAuthRouter({ env, logger, passport, collab, sessionMiddleware, mailer, hashing, limiters }),
  );
  api.use(
    '/account',
    createAccountRouter({ env, logger, collab, sessionMiddleware, hashing, mailer, limiters }),
  );
  api.use('/documents', createDocumentsRouter({ logger, collab }));
  api.use('/documents', createMembersRouter({ logger, collab }));
  api.use(createDocumentManagementRouter({ logger, collab, retentionMs: env.deletedDocuments.retentionMs }));
  api.use('/documents', createDocumentInvitationsRouter({ env, logger, collab, mailer }));
  api.use('/invitation-links', createInvitationLinksRouter({ logger, collab }));
  api.use('/invitations', createInvitationsRouter({ logger, collab }));
  api.use(createJoinLinksRouter({ env, logger, collab, limiters }));
  const floods = new CommentFloodLimiter(env.commentRate, limiters);
  api.use('/documents', createDocumentCommentsRouter({ logger, collab, floods }));
  api.use('/comments', createCommentsRouter({ logger, collab, floods }));
  api.use('/notifications', createNotificationsRouter());
  api.use('/events', createUserEventsRouter(userStreams));
  api.use(
    '/search',
    createSearchRouter({ env, logger, collab, limiters, engine: new TextSearchEngine(logger) }),
  );
  api.use('/dev/mail', createDevMailRouter(mailer));
  api.use('/documents', createDocumentStructureRouter({ logger, collab }));
  api.use('/documents', createDocumentStateRouter({ collab }));
  api.use('/documents', createVersionsRouter({ logger, collab }));
  api.use('/documents', createDispositionsRouter({ logger, collab }));
  api.use('/documents', createWorkflowRouter({ logger, collab }));
  api.use('/documents', createNegotiationRouter({ logger, collab }));
  api.use('/documents', createSignoffRouter({ logger, collab }));
  api.use('/documents', createAmendmentsRouter({ logger, collab }));
  api.use('/imports', createImportsRouter(new ImportWorkers(env.imports, logger)));
  api.use(createPublicationsRouter({ logger, collab, publicUrl: env.publicUrl }));
  api.use(() => {
    throw new NotFound('No such API endpoint.');
  });
  app.use('/api', api);

  app.use('/p', createPublicPagesRouter({ logger }));
  serveClient(app, env.clientDist, logger);
  app.use(() => {
    throw new NotFound();
  });
  app.use(createErrorHandler(logger));
  return app;
}
