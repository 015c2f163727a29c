import { claimClientId } from './claimClientId.js';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { socketServers } from './socketServers.js';
import type * as Y from 'yjs';
import type { RequestHandler } from 'express';
import { CloseCode, encodeEvent, type AccordEvent, type Role } from '@accord/shared';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import type { CollabControl } from './CollabControl.js';
import { Connection } from './Connection.js';
import { DocumentStore } from './DocumentStore.js';
import { currentWorkflow } from '../queries/currentWorkflow.js';
import { PersistenceQueue } from './PersistenceQueue.js';
import { RoomRegistry } from './RoomRegistry.js';
import { authenticateUpgrade } from './authenticateUpgrade.js';
import { AccessCache } from './AccessCache.js';
import { writeTitle } from './documentTitle.js';
import { wsSocket } from './CollabSocket.js';
import { admits, type EventAudience } from './EventAudience.js';
import { Extensions } from './Extensions.js';
import type { CollabExtension } from './CollabExtension.js';
import { TextLock } from './extensions/TextLock.js';
import { titleFollowing } from './extensions/titleFollowing.js';
import { clauseIdRepair } from './extensions/clauseIdRepair.js';
import { searchTextIndexing } from './extensions/searchTextIndexing.js';
import type { RedisLink } from './instances/RedisLink.js';
import { RedisFanout } from './instances/RedisFanout.js';
import { crossInstanceControl } from './instances/crossInstanceControl.js';
import type { UserStreams } from '../events/UserStreams.js';

export interface CollabServerOptions {
  httpServer: http.Server;
  env: Env;
  logger: Logger;
  /** the express-session middleware, run on each upgrade request to find the user */
  sessionMiddleware: RequestHandler;
  /** the text of a document's title node changed: the document's name follows it */
  onTitleChange?: (documentId: string, title: string) => void;
  /** updates of a document's text were stored (e.g. to record when its text last changed) */
  onTextStored?: (documentId: string) => void;
  /** the link to the other instances (REDIS_URL); none: this instance serves alone */
  link?: RedisLink | null;
  /** with a link: a live event made on another instance, before it reaches this one's sockets */
  onRemoteEvent?: (documentId: string, event: AccordEvent) => void;
  /** the users' own live channels on this instance (sendToUser) */
  userStreams?: UserStreams;
}

export interface CollabServer extends CollabControl {
  /** Stops accepting connections, flushes every document to the database, closes every socket. */
  close(): Promise<void>;
  /** Numbers for health and benchmarks. */
  stats(): { rooms: number; connections: number; queuedUpdates: number };
}

const SHUTDOWN_FLUSH_LIMIT_MS = 30_000;
/** how long an upgrade check is remembered (see AccessCache) */
const ACCESS_CACHE_MS = 10_000;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function destroySocket(this: Duplex): void {
  this.destroy();
}

function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: { code: `upgrade_${status}`, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * The collaboration endpoint: y-websocket's protocol on /collab/:documentId, with Accord's
 * authentication, permissions, limits and persistence (DESIGN.md §1, "one keystroke").
 */
export function createCollabServer({
  httpServer,
  env,
  logger,
  sessionMiddleware,
  onTitleChange,
  onTextStored,
  link = null,
  onRemoteEvent,
  userStreams,
}: CollabServerOptions): CollabServer {
  const limits = env.collab;
  // ws refuses frames beyond twice the limit itself (1009); up to that, the registry closes the
  // connection with Accord's MESSAGE_TOO_LARGE so the client knows not to retry
  const wss = socketServers(limits.maxPayloadBytes * 2);
  const store = new DocumentStore({ sharedLog: link !== null });
  const queue = new PersistenceQueue(limits.flushMs, logger, (records) => store.append(records));
  const textLock = new TextLock(async (documentId) => (await currentWorkflow(documentId)).textLocked);
  const extensions: CollabExtension[] = [textLock, clauseIdRepair(logger), searchTextIndexing(logger)];
  if (onTitleChange) extensions.push(titleFollowing(onTitleChange));
  if (onTextStored)
    extensions.push({ name: 'text-stored', onStored: (documentId) => onTextStored(documentId) });
  // several instances: changes, awareness and control changes cross over Redis
  const fanout = link ? new RedisFanout(link, queue, logger, env.collab.resyncIntervalMs) : null;
  if (fanout) extensions.push(fanout);
  const registry = new RoomRegistry({
    extensions: new Extensions(extensions, logger),
    store,
    queue,
    logger,
    maxDocumentBytes: limits.maxDocumentBytes,
    maxPendingBytes: limits.maxPendingBytes,
    maxAwarenessStateBytes: limits.maxAwarenessStateBytes,
    maxPayloadBytes: limits.maxPayloadBytes,
    maxConnectionsPerDocument: limits.maxConnectionsPerDocument,
    compactAfter: limits.compactAfter,
    idleUnloadMs: limits.idleUnloadMs,
    claimStore: claimClientId,
  });
  const byUser = new Map<string, Set<Connection>>();
  const access = new AccessCache(ACCESS_CACHE_MS);
  let closing = false;

  function track(conn: Connection): void {
    let set = byUser.get(conn.user.id);
    if (!set) byUser.set(conn.user.id, (set = new Set()));
    set.add(conn);
    conn.socket.onClose(() => {
      set.delete(conn);
      if (set.size === 0) byUser.delete(conn.user.id);
    });
  }

  // one object for every connection (the limits do not change while the server runs)
  const connectionLimits = {
    maxMessagesPerSecond: limits.maxMessagesPerSecond,
    maxAwarenessQueriesPerSecond: limits.maxAwarenessQueriesPerSecond,
    maxSendBacklogBytes: limits.maxSendBacklogBytes,
    maxEarlyBytes: limits.maxEarlyBytes,
  };

  async function onUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // (shared listeners: a closure here would keep this upgrade's scope alive as long as the socket)
    socket.on('error', destroySocket);
    if (closing) return refuse(socket, 503, 'The server is shutting down.');
    let decision;
    try {
      decision = await authenticateUpgrade(
        req,
        sessionMiddleware,
        env.allowedOrigins,
        access,
        env.trustProxy !== false,
      );
    } catch (error) {
      logger.error({ err: error }, 'collaboration upgrade failed');
      return refuse(socket, 500, 'The server could not check this connection.');
    }
    if (!decision.ok) return refuse(socket, decision.status, decision.message);
    if (closing) return refuse(socket, 503, 'The server is shutting down.');
    const { documentId, user, role, namesOnly, schemaSupported } = decision;
    const server = namesOnly ? wss.compressed : wss.plain;
    server.handleUpgrade(req, socket, head, (ws: WebSocket) =>
      accept(ws, documentId, user, role, namesOnly, schemaSupported),
    );
  }

  function accept(
    ws: WebSocket,
    documentId: string,
    user: Connection['user'],
    role: Role,
    namesOnly: boolean,
    schemaSupported: boolean,
  ): void {
    const conn = new Connection(wsSocket(ws), user, role, connectionLimits, namesOnly);
    logSocketErrors(ws, user.id);
    if (!schemaSupported) {
      return conn.close(
        CloseCode.UNSUPPORTED_SCHEMA_VERSION,
        'reload: this tab uses an older document schema',
      );
    }
    if ((byUser.get(user.id)?.size ?? 0) >= limits.maxConnectionsPerUser) {
      return conn.close(CloseCode.TOO_MANY_CONNECTIONS, 'too many connections for this user');
    }
    track(conn);
    registry.join(documentId, conn).catch((error: unknown) => {
      logger.error({ err: error, documentId }, 'joining a document failed');
      conn.close(CloseCode.LOAD_FAILED, 'document could not be opened');
    });
  }

  /** (its own scope: the listener keeps only the user id, for as long as the socket lives) */
  function logSocketErrors(ws: WebSocket, userId: string): void {
    ws.on('error', (error) => logger.debug({ err: error, userId }, 'collaboration socket error'));
  }

  httpServer.on('upgrade', (req, socket, head) => void onUpgrade(req, socket, head));

  const server: CollabServer = {
    disconnectUser(userId: string): void {
      access.forgetUser(userId);
      for (const conn of byUser.get(userId) ?? []) conn.close(CloseCode.UNAUTHENTICATED, 'signed out');
      userStreams?.closeUser(userId);
    },

    sendToUser(userId: string, event: AccordEvent): void {
      userStreams?.send(userId, event);
    },

    membershipChanged(documentId: string, userId: string, role: Role | null): void {
      access.forgetRole(userId, documentId);
      const room = registry.get(documentId);
      if (!room) return;
      // everyone's members list changes; the member's own page learns its new abilities
      const event = encodeEvent({ type: 'member.changed', documentId, userId, role });
      for (const conn of room.connections) {
        if (conn.user.id === userId) {
          if (role === null) {
            conn.close(CloseCode.FORBIDDEN, 'access to this document was removed');
            continue;
          }
          conn.role = role;
        }
        if (conn.speaksAccord) conn.send(event);
      }
    },

    setTitle(documentId: string, title: string): Promise<void> {
      return registry.change(documentId, (doc) => writeTitle(doc, title));
    },

    changeDocument(documentId: string, change: (doc: Y.Doc) => void): Promise<void> {
      return registry.change(documentId, change);
    },

    setTextLocked(documentId: string, locked: boolean): void {
      const room = registry.get(documentId);
      if (room) textLock.set(room, locked);
    },

    broadcastEvent(documentId: string, event: AccordEvent, audience?: EventAudience): void {
      const room = registry.get(documentId);
      if (!room) return;
      const message = encodeEvent(event);
      for (const conn of room.connections) {
        if (conn.speaksAccord && admits(audience, conn.user.id, conn.role)) conn.send(message);
      }
    },

    withDocument<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
      return registry.read(documentId, read);
    },

    stats() {
      let connections = 0;
      for (const set of byUser.values()) connections += set.size;
      return { rooms: registry.size, connections, queuedUpdates: queue.size };
    },

    redisStatus() {
      return link ? (link.up ? 'up' : 'down') : 'off';
    },

    async close(): Promise<void> {
      closing = true;
      // what other instances sent and may not have stored is queued with the rest
      fanout?.close();
      for (const set of byUser.values()) {
        for (const conn of set) conn.close(CloseCode.SHUTTING_DOWN, 'server restarting');
      }
      let timer: NodeJS.Timeout | undefined;
      const flushed = await Promise.race([
        // updates waiting for a client id claim are applied first, then everything is stored
        registry
          .settleClaims()
          .then(() => queue.drain())
          .then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), SHUTDOWN_FLUSH_LIMIT_MS))),
      ]);
      clearTimeout(timer);
      if (!flushed) {
        logger.error(
          { queuedUpdates: queue.size },
          'the database did not take every update before shutdown; clients still hold them and resend on reconnect',
        );
      }
      registry.destroyAll();
      wss.close();
    },
  };
  return link ? crossInstanceControl(server, link, logger, onRemoteEvent) : server;
}
