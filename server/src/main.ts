import http from 'node:http';
import mongoose from 'mongoose';
import { loadEnv, EnvError, type Env } from './env.js';
import { createLogger, type Logger } from './logger.js';
import { connectDatabase, DatabaseUnreachable } from './database/connectDatabase.js';
import { runMigrations } from './database/runMigrations.js';
import { createSessionMiddleware } from './auth/createSessionMiddleware.js';
import { createCollabServer, type CollabServer } from './collab/createCollabServer.js';
import { createApp } from './app.js';
import { startFormerMembers } from './queries/formerMembers.js';
import { followDocumentTitle } from './commands/followDocumentTitle.js';
import { LastTextChange } from './documents/LastTextChange.js';
// every model must be registered before connectDatabase creates the indexes; app.ts and the
// collaboration server import them all, and these make it explicit
import './models/User.js';
import './models/Organisation.js';
import './models/Document.js';
import './models/Membership.js';
import './models/AuditEvent.js';
import './models/AccountDeletion.js';
import './models/JoinLink.js';
import './models/JoinLinkRevocation.js';
import './models/DocUpdate.js';
import './models/DocSnapshot.js';
import './models/DocHead.js';
import './models/DocumentText.js';
import './models/Migration.js';
import './models/Version.js';
import './models/VersionProposal.js';
import './models/WorkflowEvent.js';
import './models/Amendment.js';
import './models/AmendmentEvent.js';
import './models/Invitation.js';
import './models/InvitationOutcome.js';
import './models/PasswordResetToken.js';
import './models/EmailChangeToken.js';
import './models/DeletedDocument.js';
import './mail/MailMessage.js';
import './mail/MailAttempt.js';
import { Mailer } from './mail/Mailer.js';
import { NotificationEmails } from './notifications/NotificationEmails.js';
import './models/NotificationSetting.js';
import { RedisLink } from './collab/instances/RedisLink.js';
import { redisLimiters } from './collab/instances/RedisWindowLimiter.js';
import { localLimiters } from './security/WindowLimiter.js';
import { commentCache } from './comments/CommentCache.js';
import { amendmentCache } from './amendments/AmendmentCache.js';
import { Housekeeping } from './database/Housekeeping.js';
import { purgeDeletedDocuments } from './documents/purgeDeletedDocuments.js';
import { pruneMailOutbox } from './mail/pruneMailOutbox.js';
import { UserStreams } from './events/UserStreams.js';

/** How long shutdown may take before the process gives up and exits with an error. */
const SHUTDOWN_DEADLINE_MS = 30_000;

async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    // no logger yet: its level is configuration too
    process.stderr.write(`accord: ${error instanceof EnvError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = createLogger(env);

  try {
    const connection = await connectDatabase(env, logger);
    await runMigrations(logger);
    // deleted accounts' names are hidden by every presenter (a deletion elsewhere shows within 30 s)
    await startFormerMembers(30_000, (error) =>
      logger.warn({ err: error }, 'reloading former members failed'),
    );
    const sessionMiddleware = createSessionMiddleware(env, connection, logger);
    const httpServer = http.createServer();
    const lastTextChange = new LastTextChange(logger);
    const userStreams = new UserStreams();
    // several instances: the link to the others (changes, control events, shared rate limits)
    const link = env.redisUrl ? new RedisLink(env.redisUrl, logger) : null;
    const collab = createCollabServer({
      httpServer,
      env,
      logger,
      sessionMiddleware,
      link,
      // what another instance did to comments is re-read before this one's clients fetch it
      onRemoteEvent: (documentId, event) => {
        if (event.type === 'comments.changed') commentCache.markStale(documentId);
        if (event.type === 'amendments.changed') amendmentCache.markStale(documentId);
      },
      onTitleChange: (documentId, title) => void followDocumentTitle(logger, documentId, title),
      onTextStored: (documentId) => lastTextChange.changed(documentId),
      userStreams,
    });
    const mailer = new Mailer(env, logger);
    const notificationEmails = new NotificationEmails(mailer, logger, {
      intervalMs: env.mail.notificationIntervalMs,
      digestHourUtc: env.mail.digestHourUtc,
      linkBase: (env.publicUrl ?? `http://localhost:${env.port}`).replace(/\/+$/, ''),
    });
    notificationEmails.start();
    const limiters = link ? redisLimiters(link, logger) : localLimiters;
    const app = createApp({ env, logger, sessionMiddleware, collab, mailer, limiters, userStreams });
    httpServer.on('request', app);
    const { retentionMs, purgeIntervalMs } = env.deletedDocuments;
    const purger = new Housekeeping(logger, purgeIntervalMs, [
      { what: 'purging deleted documents', run: () => purgeDeletedDocuments(logger, retentionMs) },
      { what: 'pruning the mail outbox', run: () => pruneMailOutbox(env.mail.retentionMs) },
    ]);
    // before "listening" is announced: whoever reads it may signal the process at once
    handleShutdown({
      logger,
      httpServer,
      collab,
      flushLastTextChange: () => lastTextChange.flush(),
      closeSessionStore: () => sessionMiddleware.store.close(),
      closeMailer: async () => {
        await notificationEmails.stop();
        await mailer.close();
      },
      stopPurger: () => purger.stop(),
      closeUserStreams: () => userStreams.close(),
    });
    await listen(httpServer, env);
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : env.port;
    const host = env.host.includes(':') ? `[${env.host}]` : env.host;
    logger.info({ port, url: `http://${host}:${port}` }, 'listening');
    // messages a previous run stored but did not deliver
    mailer.resume().catch((error: unknown) => logger.error({ err: error }, 'resuming mail failed'));
    purger.start();
  } catch (error) {
    const message =
      error instanceof DatabaseUnreachable
        ? error.message
        : `start-up failed: ${(error as Error)?.message ?? error}`;
    logger.fatal({ err: error }, message);
    await mongoose.disconnect().catch(() => {});
    process.exit(1);
  }
}

function listen(httpServer: http.Server, env: Env): Promise<void> {
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(env.port, env.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let the collaboration server flush every open
 * document to the database, then close the session store and the database, and exit 0.
 * An uncaught exception takes the same path (the open documents are still flushed) but exits 1;
 * a stray rejected promise is logged and the server keeps serving.
 */
function handleShutdown(parts: {
  logger: Logger;
  httpServer: http.Server;
  collab: CollabServer;
  /** the last text changes not yet recorded on their documents (LastTextChange) */
  flushLastTextChange: () => Promise<void>;
  closeSessionStore: () => Promise<void>;
  closeMailer: () => Promise<void>;
  stopPurger: () => Promise<void>;
  /** the users' live channels (GET /api/events): open until ended, they would hold close() */
  closeUserStreams: () => void;
}): void {
  const {
    logger,
    httpServer,
    collab,
    flushLastTextChange,
    closeSessionStore,
    closeMailer,
    stopPurger,
    closeUserStreams,
  } = parts;
  let stopping = false;
  const stop = async (reason: string, exitCode: 0 | 1) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.fatal('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    try {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      closeUserStreams();
      // idle keep-alive connections would hold close() open; requests in flight still finish
      httpServer.closeIdleConnections();
      await collab.close();
      await flushLastTextChange();
      httpServer.closeIdleConnections();
      // give requests in flight a moment to finish, then cut what is left
      const grace = setTimeout(() => httpServer.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(grace);
      await closeSessionStore();
      await closeMailer();
      await stopPurger();
      await mongoose.disconnect();
      logger.info('stopped');
      process.exit(exitCode);
    } catch (error) {
      logger.fatal({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', (signal) => void stop(signal, 0));
  process.on('SIGINT', (signal) => void stop(signal, 0));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    void stop('uncaughtException', 1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
}

await main();
